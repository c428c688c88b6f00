package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.translation.TranslationOutcome;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A translation that throws instead of answering Translated or Rejected is a defect of Passerelle, not of the
 * document: the translation module's contract is a typed outcome for every well-formed input. Should one still
 * escape, it is logged once at ERROR with its stack trace (never the document) and the road answers the eHDSI
 * transcoding error (4203) with a reason saying the fault is the French NCP's, never an unmapped server error.
 */
public final class TranslationDefects {

    private static final Logger LOG = LoggerFactory.getLogger(TranslationDefects.class);

    /** Safe to send: says whose fault it is, names nothing of the document. */
    static final String REASON = "the French NCP could not translate the document because of an internal fault,"
            + " reported to its operators; the document itself may be sound";

    private TranslationDefects() {
    }

    /**
     * The outcome, or empty when the translation threw (already logged).
     *
     * @param what the translation asked for ("PIVOT_CDA", "eDispensation to eDISP-MED"), for the log
     */
    public static Optional<TranslationOutcome> guarded(String what, Supplier<TranslationOutcome> translation) {
        try {
            return Optional.of(translation.get());
        } catch (RuntimeException | StackOverflowError defect) {
            LOG.error("translation defect: {} threw instead of answering Translated or Rejected; answered as eHDSI {}",
                    what, ExchangeError.ERROR_TRANSCODING_ERROR.code(), defect);
            return Optional.empty();
        }
    }

    /** The refusal a road sends for a defect: the eHDSI transcoding error, with whose fault it is. */
    public static ExchangeRefusal refusal() {
        return new ExchangeRefusal(ExchangeError.ERROR_TRANSCODING_ERROR, REASON);
    }
}

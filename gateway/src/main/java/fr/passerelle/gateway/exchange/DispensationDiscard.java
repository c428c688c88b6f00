package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.DiscardReceipt;
import fr.passerelle.gateway.healthspace.DiscardRefusedException;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Undoes dispensations made abroad (eHDSI eDispensation discard): the same policy as recording one (patient known,
 * TRC patient, consent and controls), then the health space releases each prescription line, all or none, and the
 * audit record (ITI-41, the discarded dispensation ids) commits with it. Discarding again is answered like the first
 * time; anything the health space cannot discard is {@code ERROR_ED_DISCARD_FAILED}. "All or none" holds for a
 * health space in the database (the demo); the DMP deletes each eDISP-MED in its own ITI-57, so when a later one
 * fails the earlier ones stay deleted and the refusal is still sent (docs/dmp-connector.md).
 */
@Component
public class DispensationDiscard {

    /**
     * The audit trail has no column for the action of an ITI-41 (dispense or discard): the discarded dispensation
     * ids are recorded with this prefix, so the record cannot be mistaken for a dispensation.
     */
    public static final String DISCARDED_PREFIX = "discarded:";

    /** What a discard answers. */
    public sealed interface Outcome {
    }

    /** Every dispensation is discarded (or already was). */
    public record Discarded(List<DiscardReceipt> receipts) implements Outcome {
        public Discarded {
            receipts = List.copyOf(receipts);
        }
    }

    public record Refused(ExchangeRefusal refusal) implements Outcome {
    }

    private final NationalHealthSpace healthSpace;
    private final AccessControl gate;
    private final TransactionTemplate transaction;

    public DispensationDiscard(NationalHealthSpace healthSpace, AccessControl gate,
                               PlatformTransactionManager transactions) {
        this.healthSpace = healthSpace;
        this.gate = gate;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** @param dispensationIds the ids the dispensations were recorded under, all for this patient */
    public Outcome discard(CrossBorderCall call, Ins patient, List<String> dispensationIds) {
        try {
            return HealthSpaceCaller.callAs(call.requester(), () -> discardOnBehalf(call, patient, dispensationIds));
        } catch (HealthSpaceUnavailableException e) {
            // Answered in time with an eHDSI error rather than a server error, and audited (FAILED, or REFUSED when
            // the health space refused it: the DMP lets only a document's author delete it); the transaction undid
            // any release made before the failure.
            ExchangeRefusal refusal = new ExchangeRefusal(ExchangeError.ERROR_ED_DISCARD_FAILED, e.refusedAccess()
                    ? "the French health space refused the discard of this dispensation"
                    : "the French health space did not answer; the discard may be retried later");
            return new Refused(gate.unanswered(call, java.util.Optional.of(patient),
                    Set.of(DocumentKind.EDISPENSATION), CrossBorderTransaction.DISPENSATION, e, refusal));
        }
    }

    private Outcome discardOnBehalf(CrossBorderCall call, Ins patient, List<String> dispensationIds) {
        if (healthSpace.findPatient(patient).isEmpty()) {
            return new Refused(gate.unknownPatient(call, patient, Set.of(DocumentKind.EDISPENSATION),
                    CrossBorderTransaction.DISPENSATION));
        }
        AccessControl.Admission passage = gate.admit(call, patient, Set.of(DocumentKind.EDISPENSATION),
                CrossBorderTransaction.DISPENSATION);
        if (passage instanceof AccessControl.Refused turned) {
            return new Refused(turned.refusal());
        }
        AccessControl.Admitted admitted = (AccessControl.Admitted) passage;
        try {
            List<DiscardReceipt> receipts = transaction.execute(status -> {
                List<DiscardReceipt> done = new ArrayList<>();
                for (String id : dispensationIds) {
                    done.add(healthSpace.discardDispensation(patient, id));
                }
                gate.granted(admitted, dispensationIds.stream().map(id -> DISCARDED_PREFIX + id).toList());
                return done;
            });
            return new Discarded(receipts);
        } catch (DiscardRefusedException e) {
            return new Refused(gate.failed(admitted, new ExchangeRefusal(ExchangeError.ERROR_ED_DISCARD_FAILED,
                    reason(e.reason()))));
        }
    }

    private static String reason(DiscardRefusedException.Reason reason) {
        return switch (reason) {
            case UNKNOWN_DISPENSATION -> "no dispensation was recorded in France under this id";
            case OTHER_PATIENT -> "the dispensation was recorded for another patient";
            case UNSUPPORTED -> "the French health space in use cannot discard a dispensation";
        };
    }
}

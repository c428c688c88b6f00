package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import java.util.Collections;
import java.util.Optional;

/**
 * Whether a dispensed medicine fulfils a prescribed line, per eHDSI eDispensation: the prescribed product itself (a
 * product code in common) fulfils it; another product of the same active substance (same ATC class) is a
 * substitution, which fulfils it only when the prescriber allowed substitution; anything else is not the prescribed
 * medicine. A substitution the prescriber did not allow — a substitute product, or an eDispensation saying it
 * substituted — is {@code ERROR_ED_SUBSTITUTION_INFORMATION_NOT_ALLOWED}; an unrelated product, or one that cannot
 * be related to the line (no code in common and no ATC class on either side), is
 * {@code ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE}. A prescribed line with no code at all (a compounded preparation,
 * described in words) cannot be compared: its dispensation is accepted unless it says it substituted where the
 * prescriber did not allow it. The strength and dose form are not compared: a substitution may
 * change the presentation, and the pharmacist abroad answers for it.
 */
public final class SubstitutionRule {

    /** How the dispensed medicine relates to the prescribed one. */
    public enum Relation { SAME_PRODUCT, SAME_SUBSTANCE, UNRELATED, UNCHECKABLE }

    private SubstitutionRule() {
    }

    public static Relation relation(DispensedMedicine prescribed, DispensedMedicine dispensed) {
        if (prescribed.productCodes().isEmpty() && prescribed.atc().isEmpty()) {
            // A compounded preparation: described in words, no code to compare with.
            return Relation.UNCHECKABLE;
        }
        if (!Collections.disjoint(prescribed.productCodes(), dispensed.productCodes())) {
            return Relation.SAME_PRODUCT;
        }
        if (prescribed.atc().isPresent() && prescribed.atc().equals(dispensed.atc())) {
            return Relation.SAME_SUBSTANCE;
        }
        return Relation.UNRELATED;
    }

    /** The refusal to answer, or empty when the dispensation fulfils the line. */
    public static Optional<ExchangeRefusal> judge(DispensedMedicine prescribed, boolean substitutionAllowed,
                                                  DispensedMedicine dispensed) {
        Relation relation = relation(prescribed, dispensed);
        if (relation == Relation.UNRELATED) {
            return Optional.of(new ExchangeRefusal(ExchangeError.ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE,
                    "the dispensed product is neither the prescribed one nor of its active substance"));
        }
        boolean substitution = relation == Relation.SAME_SUBSTANCE || dispensed.substituted();
        if (substitution && !substitutionAllowed) {
            return Optional.of(new ExchangeRefusal(ExchangeError.ERROR_ED_SUBSTITUTION_INFORMATION_NOT_ALLOWED,
                    "the prescriber did not allow substitution for this line"));
        }
        return Optional.empty();
    }
}

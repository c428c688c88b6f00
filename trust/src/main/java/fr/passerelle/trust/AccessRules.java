package fr.passerelle.trust;

import fr.passerelle.trust.assertion.PurposeOfUse;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The role/permission/purpose table per transaction (documented in trust/README.md). Every transaction must
 * have a rule: a missing one would silently allow or refuse, so it is an error at construction.
 */
public record AccessRules(Map<Transaction, AccessRule> rules) {

    /** ISCO-08: medical doctors, nursing and midwifery professionals, dentists, pharmacists. */
    public static final Set<String> CLINICIANS = Set.of("221", "222", "2261", "2262");
    public static final Set<String> PHARMACISTS = Set.of("2262");
    /** Read permissions of the eHDSI profile: review orders, medications, medical history, clinical documents. */
    public static final Set<String> READ_PERMISSIONS = Set.of("PRD-003", "PRD-004", "PRD-005", "PRD-010");

    public AccessRules {
        EnumMap<Transaction, AccessRule> copy = new EnumMap<>(Transaction.class);
        copy.putAll(rules);
        for (Transaction transaction : Transaction.values()) {
            if (!copy.containsKey(transaction)) {
                throw new IllegalArgumentException("no access rule for " + transaction);
            }
        }
        rules = Map.copyOf(copy);
    }

    public AccessRule rule(Transaction transaction) {
        return rules.get(transaction);
    }

    /** The defaults: identification needs PRD-006; reading needs a read permission; dispensing needs PPD-046. */
    public static AccessRules ehdsiDefaults() {
        Set<PurposeOfUse> both = Set.of(PurposeOfUse.TREATMENT, PurposeOfUse.EMERGENCY);
        AccessRule identify = new AccessRule(Set.of("PRD-006"), CLINICIANS, both, false);
        AccessRule read = new AccessRule(READ_PERMISSIONS, CLINICIANS, both, true);
        AccessRule dispense = new AccessRule(Set.of("PPD-046"), PHARMACISTS, Set.of(PurposeOfUse.TREATMENT), true);
        return new AccessRules(Map.of(
                Transaction.XCPD, identify,
                Transaction.XCA_QUERY, read,
                Transaction.XCA_RETRIEVE, read,
                Transaction.XDR, dispense,
                Transaction.FHIR_PATIENT_SEARCH, identify,
                Transaction.FHIR_DOCUMENT, read));
    }
}

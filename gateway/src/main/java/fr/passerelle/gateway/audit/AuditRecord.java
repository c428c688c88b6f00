package fr.passerelle.gateway.audit;

import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One stored record of the trail, as hashed: {@link AuditHashing} encodes exactly these fields. An unattributed
 * record (no identified patient, or no verified requester) has an empty patient and/or purpose, stored as empty
 * strings, and empty requester fields.
 */
public record AuditRecord(long seq, Instant recordedAt, CrossBorderTransaction transaction, String requestingCountry,
                          String requestingNcp, String professionalId, String professionalRole, String organisation,
                          Optional<PurposeOfUse> purpose, Optional<Ins> patient, Set<DocumentKind> documentKinds,
                          List<String> documentIds, AuditOutcome outcome, String decidingRule, String errorCode,
                          String correlationId, List<String> assertionIds, String previousHash, String recordHash) {

    public AuditRecord {
        documentKinds = Set.copyOf(documentKinds);
        purpose = java.util.Objects.requireNonNull(purpose, "purpose");
        patient = java.util.Objects.requireNonNull(patient, "patient");
        documentIds = List.copyOf(documentIds);
        assertionIds = List.copyOf(assertionIds);
    }

    /** Never the patient identifier: records must not reach logs in clear. */
    @Override
    public String toString() {
        return "AuditRecord[seq=" + seq + ", " + transaction + ", " + requestingCountry + ", " + outcome + "]";
    }
}

package fr.passerelle.gateway.healthspace;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A dispensation abroad of one ePrescription line, as it is recorded in France.
 *
 * @param id                   the dispensation's unique id (idempotency key), e.g. the eDispensation document id
 * @param prescriptionId       the unique id of the ePrescription document
 * @param prescriptionLineId   the id of the prescribed item (the CDA substanceAdministration id, root or
 *                             root^extension)
 * @param dispensedAt          when it was dispensed
 * @param dispenser            the dispensing pharmacist or pharmacy, as display text
 * @param document             the eDispensation document (may be null when only the fact is recorded)
 */
public record FrenchDispensation(String id, String prescriptionId, String prescriptionLineId,
                                 OffsetDateTime dispensedAt, String dispenser, byte[] document) {

    public FrenchDispensation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prescriptionId, "prescriptionId");
        Objects.requireNonNull(prescriptionLineId, "prescriptionLineId");
        Objects.requireNonNull(dispensedAt, "dispensedAt");
        document = document == null ? null : document.clone();
    }

    /** The same dispensation, recorded against the French prescription {@code prescriptionUniqueId}. */
    public FrenchDispensation forPrescription(String prescriptionUniqueId) {
        return new FrenchDispensation(id, prescriptionUniqueId, prescriptionLineId, dispensedAt, dispenser, document);
    }

    @Override
    public byte[] document() {
        return document == null ? null : document.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FrenchDispensation that && id.equals(that.id)
                && prescriptionId.equals(that.prescriptionId) && prescriptionLineId.equals(that.prescriptionLineId)
                && dispensedAt.equals(that.dispensedAt) && Objects.equals(dispenser, that.dispenser)
                && java.util.Arrays.equals(document, that.document);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, prescriptionId, prescriptionLineId);
    }

    @Override
    public String toString() {
        return "FrenchDispensation[" + id + "]";
    }
}

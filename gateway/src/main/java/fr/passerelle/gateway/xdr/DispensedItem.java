package fr.passerelle.gateway.xdr;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One dispensed product of an eHDSI eDispensation: which French ePrescription and which of its lines it fulfils,
 * and when it was handed over.
 *
 * @param prescriptionId     {@code inFulfillmentOf/order/id} as {@code root^extension} (the French document uniqueId)
 * @param prescriptionLineId the prescribed item's {@code substanceAdministration/id} as {@code root^extension}
 */
public record DispensedItem(String prescriptionId, String prescriptionLineId, OffsetDateTime dispensedAt) {

    public DispensedItem {
        Objects.requireNonNull(prescriptionId, "prescriptionId");
        Objects.requireNonNull(prescriptionLineId, "prescriptionLineId");
        Objects.requireNonNull(dispensedAt, "dispensedAt");
    }
}

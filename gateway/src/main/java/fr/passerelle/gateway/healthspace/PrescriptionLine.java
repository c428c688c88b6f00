package fr.passerelle.gateway.healthspace;

import java.util.Objects;
import java.util.Optional;

/**
 * One prescribed item of an ePrescription and whether it was dispensed.
 *
 * @param lineId         the item's id in the CDA (substanceAdministration id: root, or root^extension)
 * @param dispensationId the dispensation that consumed it, null while it is still to be dispensed
 */
public record PrescriptionLine(String prescriptionId, String lineId, String dispensationId) {

    public PrescriptionLine {
        Objects.requireNonNull(prescriptionId, "prescriptionId");
        Objects.requireNonNull(lineId, "lineId");
    }

    public boolean dispensed() {
        return dispensationId != null;
    }

    public Optional<String> dispensation() {
        return Optional.ofNullable(dispensationId);
    }
}

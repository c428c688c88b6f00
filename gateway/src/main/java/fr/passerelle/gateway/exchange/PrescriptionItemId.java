package fr.passerelle.gateway.exchange;

import fr.passerelle.translation.cda.Header;
import fr.passerelle.translation.ehdsi.PrescriptionPivotWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * The id under which one item of a multi-line French ePrescription travels abroad as its own eHDSI ePrescription
 * (eHDSI allows one prescription item per document): the French uniqueId with the item's position, exactly as the
 * item document's own {@code ClinicalDocument/id} ({@link PrescriptionPivotWriter#itemDocumentId}), so an
 * eDispensation's {@code inFulfillmentOf} finds its way back to the French prescription.
 *
 * @param prescriptionUniqueId the French ePrescription's XDS uniqueId ({@code root} or {@code root^extension})
 * @param item                 the item's position in the French document, from 1
 */
public record PrescriptionItemId(String prescriptionUniqueId, int item) {

    public PrescriptionItemId {
        Objects.requireNonNull(prescriptionUniqueId, "prescriptionUniqueId");
        if (item < 1) {
            throw new IllegalArgumentException("an item position starts at 1");
        }
    }

    /** {@code root^n} for a French id without extension, {@code root^extension-n} otherwise. */
    public String xdsUniqueId() {
        int caret = prescriptionUniqueId.indexOf('^');
        Header.InstanceId french = caret < 0 ? new Header.InstanceId(prescriptionUniqueId, null)
                : new Header.InstanceId(prescriptionUniqueId.substring(0, caret),
                        prescriptionUniqueId.substring(caret + 1));
        Header.InstanceId id = PrescriptionPivotWriter.itemDocumentId(french, item);
        return id.root() + "^" + id.extension();
    }

    /**
     * The item an id can name, read back from {@link #xdsUniqueId()}; empty when it cannot be one. A French document
     * whose own uniqueId has that shape is looked up first by the caller: this is only the second reading.
     */
    public static Optional<PrescriptionItemId> parse(String xdsUniqueId) {
        int caret = xdsUniqueId == null ? -1 : xdsUniqueId.indexOf('^');
        if (caret <= 0 || caret == xdsUniqueId.length() - 1) {
            return Optional.empty();
        }
        String root = xdsUniqueId.substring(0, caret);
        String extension = xdsUniqueId.substring(caret + 1);
        int dash = extension.lastIndexOf('-');
        String position = dash < 0 ? extension : extension.substring(dash + 1);
        if (position.isEmpty() || position.length() > 4 || !position.chars().allMatch(c -> c >= '0' && c <= '9')
                || position.startsWith("0")) {
            return Optional.empty();
        }
        String french = dash < 0 ? root : dash == 0 ? null : root + "^" + extension.substring(0, dash);
        return french == null ? Optional.empty()
                : Optional.of(new PrescriptionItemId(french, Integer.parseInt(position)));
    }
}

package fr.passerelle.gateway.xdr;

import fr.passerelle.gateway.xca.XdsCode;
import java.util.Objects;

/**
 * One document of an XDR submission with its XDS metadata. The content array is handed over, not copied.
 *
 * @param entryUuid the ExtrinsicObject id (links metadata and {@code xds:Document})
 */
public record SubmittedDocument(String entryUuid, String uniqueId, String mimeType, XdsCode classCode,
                                XdsCode formatCode, byte[] content) {

    public SubmittedDocument {
        Objects.requireNonNull(entryUuid, "entryUuid");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(classCode, "classCode");
        Objects.requireNonNull(formatCode, "formatCode");
        Objects.requireNonNull(content, "content");
    }

    /** eHDSI eDispensation class code (LOINC 60593-1). */
    public boolean isDispensation() {
        return DispensationSubmission.EDISPENSATION_CLASS_CODE.equals(classCode.code());
    }

    /** eHDSI eDispensation discard, as OpenNCP classifies it ({@code DISCARD-60593-1}). */
    public boolean isDiscard() {
        return DispensationSubmission.DISCARD_CLASS_CODE.equals(classCode.code());
    }
}

package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.ebxml.rim.InternationalStringType;
import fr.passerelle.gateway.ihe.ebxml.rim.LocalizedStringType;
import fr.passerelle.gateway.ihe.ebxml.rim.SlotType1;
import fr.passerelle.gateway.ihe.ebxml.rim.ValueListType;
import jakarta.activation.DataHandler;
import jakarta.xml.bind.attachment.AttachmentUnmarshaller;
import java.util.UUID;
import org.apache.cxf.attachment.ByteDataSource;

/**
 * The DMP's XDS messages as the generated protocol model ({@link ProtocolModel#XDS}, the types the gateway's own
 * XCA/XDR endpoints use): the ebRIM pieces every DMP request repeats, and the reading of an answer's payload as its
 * type, its {@code xop:Include}s resolved from the answer's MTOM parts.
 */
final class XdsModel {

    private XdsModel() {
    }

    static SlotType1 slot(String name, String value) {
        return new SlotType1().withName(name).withValueList(new ValueListType().withValue(value));
    }

    static InternationalStringType localized(String value) {
        return new InternationalStringType().withLocalizedString(new LocalizedStringType().withValue(value));
    }

    static String newUuid() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    /**
     * The answer's payload as {@code type}. JAXB skips elements it does not know (what a transaction needs is checked
     * by its reader); a value it cannot convert, or an {@code xop:Include} without its part, makes the answer
     * malformed.
     */
    static <T> T read(DmpAnswer answer, Class<T> type, DmpOperation operation) {
        try {
            return ProtocolModel.XDS.fromDom(answer.payload(), type, new Parts(answer, operation));
        } catch (IllegalArgumentException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DmpFailure failure) {
                    throw failure;
                }
            }
            throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation,
                    "answer is not a readable " + type.getSimpleName(), e);
        }
    }

    /** Resolves {@code xop:Include href="cid:…"} against the answer's MIME parts. */
    private static final class Parts extends AttachmentUnmarshaller {
        private final DmpAnswer answer;
        private final DmpOperation operation;

        Parts(DmpAnswer answer, DmpOperation operation) {
            this.answer = answer;
            this.operation = operation;
        }

        @Override
        public boolean isXOPPackage() {
            return true;
        }

        @Override
        public byte[] getAttachmentAsByteArray(String cid) {
            return answer.attachment(cid).orElseThrow(() -> new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE,
                    operation, "the MTOM part of the document is missing"));
        }

        @Override
        public DataHandler getAttachmentAsDataHandler(String cid) {
            return new DataHandler(new ByteDataSource(getAttachmentAsByteArray(cid), "application/octet-stream"));
        }
    }
}

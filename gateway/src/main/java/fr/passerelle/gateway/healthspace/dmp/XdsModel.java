package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.ebxml.rim.InternationalStringType;
import fr.passerelle.gateway.ihe.ebxml.rim.LocalizedStringType;
import fr.passerelle.gateway.ihe.ebxml.rim.SlotType1;
import fr.passerelle.gateway.ihe.ebxml.rim.ValueListType;
import jakarta.activation.DataHandler;
import java.util.List;
import java.util.UUID;
import org.apache.cxf.attachment.AttachmentImpl;
import org.apache.cxf.attachment.ByteDataSource;
import org.apache.cxf.jaxb.attachment.JAXBAttachmentUnmarshaller;
import org.apache.cxf.message.Attachment;

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
     * The answer's payload as {@code type}, its {@code xop:Include}s read from the answer's MTOM parts by CXF's
     * attachment unmarshaller. JAXB skips elements it does not know (what a transaction needs is checked by its
     * reader); a value it cannot convert, or an {@code xop:Include} without its part, makes the answer malformed.
     */
    static <T> T read(DmpAnswer answer, Class<T> type, DmpOperation operation) {
        List<Attachment> parts = answer.attachments().entrySet().stream().map(part -> (Attachment)
                new AttachmentImpl(part.getKey(), new DataHandler(new ByteDataSource(part.getValue())))).toList();
        try {
            return ProtocolModel.XDS.fromDom(answer.payload(), type, new JAXBAttachmentUnmarshaller(parts));
        } catch (RuntimeException e) {
            throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation,
                    "answer is not a readable " + type.getSimpleName() + ": " + e.getClass().getSimpleName(), e);
        }
    }
}

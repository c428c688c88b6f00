package fr.passerelle.gateway.ihe;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.attachment.AttachmentMarshaller;
import jakarta.xml.bind.attachment.AttachmentUnmarshaller;
import java.util.Map;
import javax.xml.transform.dom.DOMResult;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The generated eHDSI protocol model (packages {@code fr.passerelle.gateway.ihe.*}, from the WSDLs the gateway serves)
 * and its JAXB contexts, each built once: a context reflects over every class of its packages (the XDS one takes
 * tens of milliseconds, see docs/benchmarks.md), a (un)marshaller is cheap and not thread-safe, so one per message.
 * Messages are marshalled to DOM, what the SOAP endpoints hand to CXF, and read from the DOM body CXF parsed.
 */
public final class ProtocolModel {

    /** XCA (ITI-38/39) and XDR (ITI-41): XDS.b and ebXML RegRep 3.0. */
    public static final ProtocolModel XDS = new ProtocolModel(fr.passerelle.gateway.ihe.xds.ObjectFactory.class,
            fr.passerelle.gateway.ihe.ebxml.query.ObjectFactory.class);

    private static final String PREFIX_MAPPER = "org.glassfish.jaxb.namespacePrefixMapper";

    /** The prefixes the hand-written writers used, kept so that a message reads as before. */
    private static final Map<String, String> PREFIXES = Map.of(XdsVocabulary.QUERY, "query",
            XdsVocabulary.RIM, "rim", XdsVocabulary.RS, "rs", XdsVocabulary.LCM, "lcm", XdsVocabulary.XDS, "xds",
            XdsVocabulary.XOP, "xop");

    private final JAXBContext context;

    private ProtocolModel(Class<?>... factories) {
        try {
            context = JAXBContext.newInstance(factories);
        } catch (JAXBException e) {
            throw new IllegalStateException("The generated eHDSI protocol model cannot be bound", e);
        }
    }

    /** The message as the document element of a new DOM document. */
    public Element toDom(Object message) {
        return toDom(message, null);
    }

    /**
     * The message as DOM, its binary content written as {@code xop:Include} parts handed to {@code parts} (an MTOM
     * package) when given.
     */
    public Element toDom(Object message, AttachmentMarshaller parts) {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(PREFIX_MAPPER, Prefixes.INSTANCE);
            if (parts != null) {
                marshaller.setAttachmentMarshaller(parts);
            }
            DOMResult result = new DOMResult();
            marshaller.marshal(message, result);
            return ((Document) result.getNode()).getDocumentElement();
        } catch (JAXBException e) {
            throw new IllegalStateException("A message of the protocol model cannot be written", e);
        }
    }

    /**
     * The body element CXF parsed, read as {@code type}. Structure is judged by schema validation (soap.BodySchemas)
     * and what a transaction needs by its reader, so elements JAXB does not know are skipped; a value it cannot
     * convert and does not report as an event (an attribute's) is an {@link IllegalArgumentException}.
     */
    public <T> T fromDom(Node body, Class<T> type) {
        return fromDom(body, type, null);
    }

    /** As {@link #fromDom(Node, Class)}, its {@code xop:Include}s read from {@code parts} (an MTOM package). */
    public <T> T fromDom(Node body, Class<T> type, AttachmentUnmarshaller parts) {
        try {
            Unmarshaller unmarshaller = context.createUnmarshaller();
            unmarshaller.setEventHandler(event -> event.getSeverity() != ValidationEvent.FATAL_ERROR);
            unmarshaller.setAttachmentUnmarshaller(parts);
            return unmarshaller.unmarshal(body, type).getValue();
        } catch (JAXBException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The body cannot be read as " + type.getSimpleName(), e);
        }
    }

    private static final class Prefixes extends NamespacePrefixMapper {
        static final Prefixes INSTANCE = new Prefixes();

        @Override
        public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
            return PREFIXES.getOrDefault(namespaceUri, suggestion);
        }
    }
}

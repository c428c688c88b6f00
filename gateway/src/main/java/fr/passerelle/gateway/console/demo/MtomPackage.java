package fr.passerelle.gateway.console.demo;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.trust.issue.SoapEnvelopes;
import jakarta.xml.bind.attachment.AttachmentUnmarshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.cxf.attachment.AttachmentDeserializer;
import org.apache.cxf.attachment.AttachmentSerializer;
import org.apache.cxf.jaxb.attachment.JAXBAttachmentUnmarshaller;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A SOAP answer as received, MTOM (multipart/related, XOP) or plain, split by CXF's own MIME reader: the envelope
 * (root part, parsed by the hardened parser) and the parts its {@code xop:Include}s point at; and the one-part XOP
 * package a request IHE wants as MTOM (ITI-39) is sent in, written by CXF's MIME writer as a CXF client does.
 *
 * @param parts resolves the envelope's {@code xop:Include}s (none when the answer is plain)
 */
record MtomPackage(Document envelope, AttachmentUnmarshaller parts) {

    /** A request body and the Content-Type it is sent with. */
    record Request(String contentType, byte[] body) {
    }

    /** Splits a received body; a plain (non-multipart) body is all envelope. */
    static MtomPackage of(String contentType, byte[] body) {
        Message message = new MessageImpl();
        message.put(Message.CONTENT_TYPE, contentType);
        message.setContent(InputStream.class, new ByteArrayInputStream(body));
        try {
            new AttachmentDeserializer(message).initializeAttachments();
            byte[] root = message.getContent(InputStream.class).readAllBytes();
            return new MtomPackage(DemoXml.parse(root), new JAXBAttachmentUnmarshaller(message.getAttachments()));
        } catch (IOException e) {
            throw new DemoXml.UnreadableAnswer("the multipart answer cannot be split");
        }
    }

    /** An envelope as the root of an XOP package (its base64 content, if any, left inline, as XOP allows). */
    static Request request(String action, byte[] envelope) {
        Message message = new MessageImpl();
        message.put(Message.CONTENT_TYPE, "application/soap+xml; action=\"" + action + "\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.setContent(OutputStream.class, out);
        AttachmentSerializer xop = new AttachmentSerializer(message);
        try {
            xop.writeProlog();
            out.write(envelope);
            xop.writeAttachments();
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return new Request((String) message.get(Message.CONTENT_TYPE), out.toByteArray());
    }

    /** The body's {@code ns:local} message read as its generated type (XDS protocol model), if the answer has one. */
    <T> Optional<T> read(String ns, String local, Class<T> type) {
        return DemoXml.first(envelope, ns, local).map(message -> ProtocolModel.XDS.fromDom(message, type, parts));
    }

    /** The SOAP 1.2 fault the answer carries, if it is one. */
    Optional<Element> fault() {
        return DemoXml.first(envelope, SoapEnvelopes.SOAP12_NS, "Fault");
    }
}

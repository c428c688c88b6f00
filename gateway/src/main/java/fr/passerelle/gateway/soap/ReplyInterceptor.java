package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.ihe.XmlTree;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.message.Attachment;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Out-interceptor: writes the WS-Addressing headers of a reply (Action, MessageID, RelatesTo) and, when the
 * endpoint attached parts, turns the reply into an MTOM/XOP package.
 */
public final class ReplyInterceptor extends AbstractSoapInterceptor {

    public ReplyInterceptor() {
        super(Phase.PREPARE_SEND);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        SoapExchange.replyOf(message.getExchange()).ifPresent(reply -> address(message, reply));
        List<Attachment> parts = SoapExchange.attachmentsOf(message.getExchange());
        if (!parts.isEmpty()) {
            message.put(Message.MTOM_ENABLED, Boolean.TRUE);
            message.setAttachments(parts);
        }
    }

    /** Adds the reply's Action, a fresh MessageID and RelatesTo, replacing any addressing header already there. */
    static void address(SoapMessage message, SoapExchange.ReplyAddressing reply) {
        message.getHeaders().removeIf(h -> Namespaces.WSA.equals(h.getName().getNamespaceURI()));
        Document document = XmlTree.newDocument();
        message.getHeaders().add(header(document, "Action", reply.action(), true));
        message.getHeaders().add(header(document, "MessageID", reply.messageId(), false));
        message.getHeaders().add(header(document, "RelatesTo", reply.relatesTo(), false));
    }

    private static SoapHeader header(Document document, String localName, String value, boolean mustUnderstand) {
        Element element = document.createElementNS(Namespaces.WSA, "wsa:" + localName);
        element.setTextContent(value);
        SoapHeader header = new SoapHeader(new QName(Namespaces.WSA, localName), element);
        header.setMustUnderstand(mustUnderstand);
        return header;
    }
}

package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.soap.OutboundAttachment;
import java.util.List;
import org.w3c.dom.Element;

/** A retrieve response body and the MTOM parts its {@code xop:Include}s point to. */
public record RetrieveReply(Element body, List<OutboundAttachment> attachments) {

    public RetrieveReply {
        attachments = List.copyOf(attachments);
    }
}

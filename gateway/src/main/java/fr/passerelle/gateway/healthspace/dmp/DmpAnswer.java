package fr.passerelle.gateway.healthspace.dmp;

import java.util.Map;
import org.w3c.dom.Element;

/**
 * What the DMP answered: the SOAP body's payload element and the MIME attachments (MTOM parts) by Content-ID.
 */
public record DmpAnswer(Element payload, Map<String, byte[]> attachments) {

    public DmpAnswer {
        attachments = Map.copyOf(attachments);
    }
}

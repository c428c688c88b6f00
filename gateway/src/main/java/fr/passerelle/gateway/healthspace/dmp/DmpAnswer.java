package fr.passerelle.gateway.healthspace.dmp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * What the DMP answered: the SOAP body's payload element and the MIME attachments (MTOM parts) by Content-ID.
 */
public record DmpAnswer(Element payload, Map<String, byte[]> attachments) {

    public DmpAnswer {
        attachments = Map.copyOf(attachments);
    }

    /** The attachment an {@code xop:Include href="cid:…"} points to. */
    public Optional<byte[]> attachment(String href) {
        String id = href.startsWith("cid:") ? href.substring(4) : href;
        id = URLDecoder.decode(id, StandardCharsets.UTF_8);
        byte[] part = attachments.get(id);
        return Optional.ofNullable(part == null ? null : part.clone());
    }
}

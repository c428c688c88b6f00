package fr.passerelle.gateway.soap;

import java.util.Objects;

/**
 * A binary part of an MTOM response, referenced from the body by {@code <xop:Include href="cid:contentId"/>}.
 * The content array is handed over, not copied: callers must not modify it afterwards.
 */
public record OutboundAttachment(String contentId, String mimeType, byte[] content) {

    public OutboundAttachment {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(content, "content");
    }
}

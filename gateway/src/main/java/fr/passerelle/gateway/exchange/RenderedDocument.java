package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.DocumentEntry;
import java.util.Objects;

/**
 * A document as it leaves: the French entry's metadata and the translated bytes. The bytes are shared with the
 * translation cache (a document is immutable per uniqueId), not copied: callers must not modify them.
 */
public record RenderedDocument(DocumentEntry entry, Rendering rendering, String language, byte[] content) {

    public RenderedDocument {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(rendering, "rendering");
        Objects.requireNonNull(content, "content");
    }

    public String mediaType() {
        return rendering.mediaType();
    }

    @Override
    public String toString() {
        return "RenderedDocument[" + entry.uniqueId() + ", " + rendering + ", " + content.length + " bytes]";
    }
}

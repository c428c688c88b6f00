package fr.passerelle.gateway.healthspace;

import java.util.Objects;

/** A document's metadata with its bytes (a French CDA document, UTF-8 XML). */
public record StoredDocument(DocumentEntry entry, byte[] content) {

    public StoredDocument {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(content, "content");
    }

    /** A copy: the stored bytes cannot be changed through this record. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredDocument that && entry.equals(that.entry)
                && java.util.Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * entry.hashCode() + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "StoredDocument[" + entry.uniqueId() + ", " + content.length + " bytes]";
    }
}

package fr.passerelle.translation.cda;

/**
 * A PDF rendition carried inside the document (base64 as in the CDA). It is kept encoded: writers copy the
 * text straight into the level-1 document, so the megabytes are never decoded and re-encoded.
 */
public record EmbeddedPdf(String base64, SourceRef source) {

    /** Decoded size in bytes, computed from the base64 length without decoding. */
    public long decodedSize() {
        int len = base64.length();
        int padding = len > 0 && base64.charAt(len - 1) == '=' ? (len > 1 && base64.charAt(len - 2) == '=' ? 2 : 1) : 0;
        return (long) len * 3 / 4 - padding;
    }
}

package fr.passerelle.translation.cda;

import static fr.passerelle.translation.cda.CdaNodes.attr;

import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A PDF rendition carried inside the document (base64 as in the CDA). It is kept encoded: writers copy the
 * text straight into the level-1 document, so the megabytes are never decoded and re-encoded.
 */
public record EmbeddedPdf(String base64, SourceRef source) {

    /** The PDF an element ({@code text} of a non-XML body, {@code value} of an observationMedia) holds, if any. */
    public static Optional<EmbeddedPdf> of(Element value) {
        if ("application/pdf".equals(attr(value, "mediaType")) && "B64".equals(attr(value, "representation"))) {
            String b64 = value.getTextContent();
            if (b64 != null && !b64.isBlank()) {
                // Line breaks and indentation are not base64: the text is kept as written, only trimmed.
                return Optional.of(new EmbeddedPdf(b64.strip(), new SourceRef(value)));
            }
        }
        return Optional.empty();
    }

    /** Decoded size in bytes, computed from the base64 length without decoding. */
    public long decodedSize() {
        int len = base64.length();
        int padding = len > 0 && base64.charAt(len - 1) == '=' ? (len > 1 && base64.charAt(len - 2) == '=' ? 2 : 1) : 0;
        return (long) len * 3 / 4 - padding;
    }
}

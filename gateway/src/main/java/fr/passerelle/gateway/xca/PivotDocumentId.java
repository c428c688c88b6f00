package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.exchange.Rendering;
import java.util.Objects;

/**
 * The XDS uniqueIds under which France offers a French document abroad: its own uniqueId for the pivot CDA level 3,
 * and a derived one for the level 1 (PDF) rendering, so that a retrieve names which of the two it wants.
 */
public record PivotDocumentId(String frenchUniqueId, Rendering rendering) {

    private static final String LEVEL_ONE_EXTENSION = "^L1";
    private static final String LEVEL_ONE_SUFFIX = "-L1";

    public PivotDocumentId {
        Objects.requireNonNull(frenchUniqueId, "frenchUniqueId");
        if (rendering != Rendering.PIVOT_CDA && rendering != Rendering.PIVOT_PDF) {
            throw new IllegalArgumentException("XCA serves the pivot CDA levels 3 and 1 only");
        }
    }

    public static PivotDocumentId parse(String xdsUniqueId) {
        if (xdsUniqueId.endsWith(LEVEL_ONE_EXTENSION) || xdsUniqueId.endsWith(LEVEL_ONE_SUFFIX)) {
            return new PivotDocumentId(xdsUniqueId.substring(0, xdsUniqueId.length() - 3), Rendering.PIVOT_PDF);
        }
        return new PivotDocumentId(xdsUniqueId, Rendering.PIVOT_CDA);
    }

    /** The uniqueId written in XDS metadata (OID^extension form kept valid). */
    public String xdsUniqueId() {
        if (rendering == Rendering.PIVOT_CDA) {
            return frenchUniqueId;
        }
        return frenchUniqueId + (frenchUniqueId.contains("^") ? LEVEL_ONE_SUFFIX : LEVEL_ONE_EXTENSION);
    }
}

package fr.passerelle.trust.xml;

/**
 * Bounds on what the parser accepts, so a hostile message cannot exhaust memory or stack.
 *
 * @param maxBytes                largest accepted document, in bytes
 * @param maxDepth                deepest element nesting
 * @param maxAttributesPerElement most attributes on one element (attribute floods)
 * @param maxElements             most elements in the whole document
 */
public record XmlLimits(int maxBytes, int maxDepth, int maxAttributesPerElement, int maxElements) {

    /** Room for an XDR envelope carrying a CDA document with an embedded PDF, nothing more. */
    public static final XmlLimits ENVELOPE = new XmlLimits(20 * 1024 * 1024, 128, 64, 500_000);

    public XmlLimits {
        if (maxBytes <= 0 || maxDepth <= 0 || maxAttributesPerElement <= 0 || maxElements <= 0) {
            throw new IllegalArgumentException("XML limits must be positive");
        }
    }
}

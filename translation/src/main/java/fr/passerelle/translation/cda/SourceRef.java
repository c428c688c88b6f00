package fr.passerelle.translation.cda;

import org.w3c.dom.Element;

/**
 * Where a value came from in the source document. The XPath is only computed when someone asks (a report
 * or an error), so reading a document stays one cheap pass.
 */
public final class SourceRef {

    private final Element element;
    private String xpath;

    public SourceRef(Element element) {
        this.element = element;
    }

    public String xpath() {
        if (xpath == null) {
            xpath = element == null ? "/" : CdaNodes.xpath(element);
        }
        return xpath;
    }

    @Override
    public String toString() {
        return xpath();
    }
}

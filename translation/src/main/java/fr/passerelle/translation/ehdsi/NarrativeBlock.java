package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.cda.CdaNodes;
import java.util.HashSet;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The narrative block ({@code section/text}) of a pivot section, to which entries add the paragraphs their
 * {@code text/reference} points at: eHDSI wants an entry's text (and its patient medication instructions) to
 * reference the narrative rather than repeat it.
 */
final class NarrativeBlock {

    private final PivotDom dom;
    private final Element text;
    private final String prefix;
    private final Set<String> ids = new HashSet<>();
    private int counter;

    /**
     * @param sectionText the section's {@code text} element (created when absent)
     * @param prefix      prefix of the IDs this block creates, unique in the document (e.g. the section code)
     */
    NarrativeBlock(PivotDom dom, Element section, String prefix) {
        this.dom = dom;
        Element existing = CdaNodes.child(section, "text");
        this.text = existing != null ? existing : dom.add(section, "text");
        this.prefix = prefix;
        collectIds(text);
    }

    Element element() {
        return text;
    }

    /** Appends a paragraph (an optional bold caption, then the content) and returns the "#ID" reference to its content. */
    String paragraph(String caption, String content) {
        Element paragraph = dom.add(text, "paragraph");
        if (caption != null) {
            dom.add(paragraph, "content", "styleCode", "Bold").setTextContent(caption + ": ");
        }
        String id = newId();
        Element c = dom.add(paragraph, "content", "ID", id);
        c.setTextContent(content);
        return "#" + id;
    }

    private String newId() {
        String id;
        do {
            counter++;
            id = prefix + "-" + counter;
        } while (!ids.add(id));
        return id;
    }

    private void collectIds(Element e) {
        String id = e.getAttribute("ID");
        if (!id.isEmpty()) {
            ids.add(id);
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                collectIds(c);
            }
        }
    }
}

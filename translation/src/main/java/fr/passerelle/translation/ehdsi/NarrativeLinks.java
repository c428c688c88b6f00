package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.cda.CdaNodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Points the pivot's entries at the narrative, as eHDSI requires ({@code <text><reference value="#ID"/></text>}
 * on problems, allergies, reactions, procedures, immunisations, devices…). The French narrative is copied
 * unchanged; when the French entry names no element of it (or names one that does not exist), an {@code ID} is
 * added to an existing narrative element — never text: the table row or list item of the entry it qualifies
 * (an allergy's criticality points at the allergy's row), else the section's whole narrative block.
 *
 * <p>Entries are written before every narrative of the document is in place (a reference may point into a
 * later section), so references are recorded while writing and settled by {@link #resolve()} at the end.
 */
final class NarrativeLinks {

    /** Narrative elements that hold one statement each: where an entry without its own ID is pointed. */
    private static final Set<String> ROWS = Set.of("tr", "item", "paragraph", "list", "table");

    private record Pending(Element reference, String id, String parentId, Element sectionText) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private Map<String, Element> index;
    private int generated;

    /**
     * Adds {@code <text><reference/></text>} to {@code statement} and records where it should point.
     *
     * @param id          the ID the source entry points at (may be null)
     * @param parentId    the ID the entry this one qualifies points at (may be null)
     * @param sectionText the pivot section's narrative block, the last resort
     */
    Element text(PivotDom dom, Element statement, String id, String parentId, Element sectionText) {
        Element text = dom.add(statement, "text");
        Element reference = dom.add(text, "reference");
        pending.add(new Pending(reference, id, parentId, sectionText));
        return text;
    }

    /** Adds {@code <originalText><reference/></originalText>} to a coded element, resolved like {@link #text}. */
    Element originalText(PivotDom dom, Element coded, String id, String parentId, Element sectionText) {
        Element original = dom.add(coded, "originalText");
        // A CD's originalText comes before its translations.
        coded.insertBefore(original, coded.getFirstChild());
        Element reference = dom.add(original, "reference");
        pending.add(new Pending(reference, id, parentId, sectionText));
        return original;
    }

    /** Sets every recorded reference, adding IDs to narrative elements where needed. */
    void resolve() {
        if (pending.isEmpty()) {
            return;
        }
        index = new HashMap<>();
        index(pending.get(0).reference().getOwnerDocument().getDocumentElement());
        for (Pending p : pending) {
            p.reference().setAttribute("value", "#" + target(p));
        }
    }

    private String target(Pending p) {
        if (p.id() != null && index.containsKey(p.id())) {
            return p.id();
        }
        if (p.parentId() != null && index.containsKey(p.parentId())) {
            Element row = row(index.get(p.parentId()));
            if (row != null) {
                return idOf(row);
            }
            return p.parentId();
        }
        return idOf(p.sectionText());
    }

    /** The enclosing row (or list item, paragraph) of a narrative element, or the element itself when it is one. */
    private static Element row(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (ROWS.contains(el.getLocalName())) {
                return el;
            }
            if ("text".equals(el.getLocalName())) {
                return null;
            }
        }
        return null;
    }

    private String idOf(Element e) {
        String existing = e.getAttribute("ID");
        if (!existing.isEmpty()) {
            return existing;
        }
        String id;
        do {
            id = "pivot-narrative-" + (++generated);
        } while (index.containsKey(id));
        e.setAttribute("ID", id);
        index.put(id, e);
        return id;
    }

    private void index(Element e) {
        String id = e.getAttribute("ID");
        if (!id.isEmpty() && CdaNodes.HL7.equals(e.getNamespaceURI())) {
            index.putIfAbsent(id, e);
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                index(c);
            }
        }
    }
}

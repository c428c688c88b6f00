package fr.passerelle.translation.cda;

import static fr.passerelle.translation.cda.CdaNodes.attr;
import static fr.passerelle.translation.cda.CdaNodes.child;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The narrative of one CDA document, read through its {@code ID}s: what a {@code <text><reference value="#id"/>}
 * (or an {@code originalText}) points at. Not shared between threads.
 */
public final class Narrative {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Element root;
    private Map<String, Element> ids;

    public Narrative(Element root) {
        this.root = root;
    }

    public boolean hasId(String id) {
        return ids().containsKey(id);
    }

    /** The narrative text a {@code <text><reference value="#id"/></text>} points at, or its own text; null if none. */
    public String of(Element text) {
        if (text == null) {
            return null;
        }
        String target = attr(child(text, "reference"), "value");
        if (target == null) {
            return collapse(text.getTextContent());
        }
        // "#id" is the CDA form; French documents sometimes leave out the "#" (the same ID is meant).
        Element found = ids().get(target.startsWith("#") ? target.substring(1) : target);
        return found == null ? null : collapse(found.getTextContent());
    }

    /** White space collapsed to single spaces and stripped; null when nothing is left. */
    public static String collapse(String s) {
        if (s == null) {
            return null;
        }
        String t = SPACES.matcher(s).replaceAll(" ").strip();
        return t.isEmpty() ? null : t;
    }

    /** The index is built on first use: many documents are read without following a reference. */
    private Map<String, Element> ids() {
        if (ids == null) {
            ids = new HashMap<>();
            index(root);
        }
        return ids;
    }

    private void index(Element e) {
        String id = e.getAttribute("ID");
        if (!id.isEmpty()) {
            ids.put(id, e);
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && !"observationMedia".equals(c.getLocalName())) {
                index(c);
            }
        }
    }
}

package fr.passerelle.translation.cda;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Navigation over HL7 v3 elements by local name (the {@code urn:hl7-org:v3} and pharm namespaces alike). */
public final class CdaNodes {

    public static final String HL7 = "urn:hl7-org:v3";
    public static final String PHARM = "urn:hl7-org:pharm";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private CdaNodes() {
    }

    public static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** Follows a path of local names, taking the first match at each step. */
    public static Element path(Element from, String... localNames) {
        Element current = from;
        for (String name : localNames) {
            current = child(current, name);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** All descendants with this local name, in document order. */
    public static List<Element> descendants(Element from, String localName) {
        List<Element> found = new ArrayList<>();
        collect(from, localName, found);
        return found;
    }

    private static void collect(Element from, String localName, List<Element> found) {
        for (Node n = from.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (localName.equals(e.getLocalName())) {
                    found.add(e);
                }
                collect(e, localName, found);
            }
        }
    }

    /** An attribute's value, or null when absent or empty. */
    public static String attr(Element e, String name) {
        if (e == null) {
            return null;
        }
        String v = e.getAttribute(name);
        return v.isEmpty() ? null : v;
    }

    public static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    public static boolean hasTemplate(Element e, String root) {
        for (Element t : children(e, "templateId")) {
            if (root.equals(t.getAttribute("root"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The XPath of an element with positional predicates where siblings share its name, e.g.
     * {@code /ClinicalDocument/component/structuredBody/component[3]/section}. Namespace prefixes are left
     * out: every CDA element lives in the HL7 namespace, and the pharm ones are marked {@code pharm:}.
     */
    public static String xpath(Element e) {
        // Steps are collected leaf first and joined root first (inserting at the front copied the path per step).
        List<String> steps = new ArrayList<>();
        Node n = e;
        while (n instanceof Element el) {
            String name = PHARM.equals(el.getNamespaceURI()) ? "pharm:" + el.getLocalName() : el.getLocalName();
            int index = 0;
            int count = 0;
            Node parent = el.getParentNode();
            if (parent instanceof Element) {
                for (Node s = parent.getFirstChild(); s != null; s = s.getNextSibling()) {
                    if (s instanceof Element se && el.getLocalName().equals(se.getLocalName())) {
                        count++;
                        if (se == el) {
                            index = count;
                        }
                    }
                }
            }
            steps.add(count > 1 ? "/" + name + "[" + index + "]" : "/" + name);
            n = parent;
        }
        StringBuilder path = new StringBuilder();
        for (int i = steps.size() - 1; i >= 0; i--) {
            path.append(steps.get(i));
        }
        return path.toString();
    }
}

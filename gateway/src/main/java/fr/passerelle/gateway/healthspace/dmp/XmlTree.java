package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.trust.xml.HardenedXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The few DOM moves the DMP messages need: build namespaced elements, find children by namespace and name. */
final class XmlTree {

    private XmlTree() {
    }

    static Document newDocument() {
        return HardenedXml.newDocument();
    }

    static Element root(String ns, String qualifiedName) {
        Document document = newDocument();
        Element root = document.createElementNS(ns, qualifiedName);
        document.appendChild(root);
        return root;
    }

    static Element add(Element parent, String ns, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(ns, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    static Element add(Element parent, String ns, String qualifiedName, String text) {
        Element child = add(parent, ns, qualifiedName);
        child.setTextContent(text);
        return child;
    }

    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())
                    && (ns == null || ns.equals(element.getNamespaceURI()))) {
                found.add(element);
            }
        }
        return found;
    }

    static Optional<Element> child(Element parent, String ns, String localName) {
        List<Element> found = children(parent, ns, localName);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Descendants with this namespace and local name, in document order. */
    static List<Element> descendants(Element root, String ns, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = root.getElementsByTagNameNS(ns == null ? "*" : ns, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    static Optional<Element> path(Element from, String ns, String... localNames) {
        Element current = from;
        for (String name : localNames) {
            Optional<Element> next = child(current, ns, name);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    static String attribute(Element element, String name) {
        String value = element.getAttributeNS(null, name);
        return value == null || value.isEmpty() ? null : value;
    }
}

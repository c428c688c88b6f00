package fr.passerelle.gateway.ihe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small namespace-aware DOM reading and writing steps the message readers and writers share. */
public final class XmlTree {

    private static final DocumentBuilderFactory FACTORY = newFactory();

    private XmlTree() {
    }

    public static Document newDocument() {
        try {
            return FACTORY.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No DOM implementation", e);
        }
    }

    /** A new document with this root element. */
    public static Element root(String namespace, String qualifiedName) {
        Document document = newDocument();
        Element root = document.createElementNS(namespace, qualifiedName);
        document.appendChild(root);
        return root;
    }

    /** Direct children of {@code parent} with this namespace and local name, in document order. */
    public static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    public static Optional<Element> child(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Descendants with this namespace and local name, in document order. */
    public static List<Element> descendants(Element root, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = root.getElementsByTagNameNS(namespace, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    /** Follows a path of child local names, all in one namespace. */
    public static Optional<Element> path(Element from, String namespace, String... localNames) {
        Optional<Element> current = Optional.of(from);
        for (String name : localNames) {
            current = current.flatMap(e -> child(e, namespace, name));
        }
        return current;
    }

    /** The attribute's value, or empty when absent or blank. */
    public static Optional<String> attribute(Element element, String name) {
        String value = element.getAttribute(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public static String text(Element element) {
        return element.getTextContent() == null ? "" : element.getTextContent().trim();
    }

    /** Appends a new child element (prefix taken from the parent's namespace declarations by the serializer). */
    public static Element append(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    /** Appends a new child element holding this text. */
    public static Element append(Element parent, String namespace, String qualifiedName, String text) {
        Element child = append(parent, namespace, qualifiedName);
        child.setTextContent(text);
        return child;
    }

    private static DocumentBuilderFactory newFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be hardened", e);
        }
        return factory;
    }
}

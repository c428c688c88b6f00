package fr.passerelle.translation.cda;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Serialises a written CDA document as UTF-8 XML text. A direct namespace-aware walk: several times faster
 * than the JDK's identity transformer, which dominated translation time.
 */
public final class CdaWriter {

    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private CdaWriter() {
    }

    public static String toXml(Document document) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        Deque<Map<String, String>> scopes = new ArrayDeque<>();
        scopes.push(Map.of("xml", "http://www.w3.org/XML/1998/namespace"));
        element(document.getDocumentElement(), out, scopes);
        out.append('\n');
        return out.toString();
    }

    private static void element(Element e, StringBuilder out, Deque<Map<String, String>> scopes) {
        Map<String, String> declared = new HashMap<>();
        String name = e.getTagName();
        out.append('<').append(name);
        NamedNodeMap attributes = e.getAttributes();
        // Explicit namespace declarations first, so they are in scope for this element's own name.
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (XMLNS.equals(a.getNamespaceURI())) {
                String prefix = "xmlns".equals(a.getName()) ? "" : a.getLocalName();
                declared.put(prefix, a.getValue());
                out.append(' ').append(a.getName()).append("=\"");
                escape(a.getValue(), out, true);
                out.append('"');
            }
        }
        declare(e.getPrefix(), e.getNamespaceURI(), declared, scopes, out);
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (XMLNS.equals(a.getNamespaceURI())) {
                continue;
            }
            if (a.getNamespaceURI() != null && a.getPrefix() != null) {
                declare(a.getPrefix(), a.getNamespaceURI(), declared, scopes, out);
            }
            out.append(' ').append(a.getName()).append("=\"");
            escape(a.getValue(), out, true);
            out.append('"');
        }
        Node child = e.getFirstChild();
        if (child == null) {
            out.append("/>");
            return;
        }
        out.append('>');
        scopes.push(declared);
        for (; child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> element((Element) child, out, scopes);
                case Node.TEXT_NODE -> escape(child.getNodeValue(), out, false);
                case Node.CDATA_SECTION_NODE -> escape(child.getNodeValue(), out, false);
                default -> {
                    // Comments and processing instructions of the source are not carried over.
                }
            }
        }
        scopes.pop();
        out.append("</").append(name).append('>');
    }

    private static void declare(String prefix, String uri, Map<String, String> declared,
                                Deque<Map<String, String>> scopes, StringBuilder out) {
        String p = prefix == null ? "" : prefix;
        String u = uri == null ? "" : uri;
        if (u.equals(lookup(p, declared, scopes))) {
            return;
        }
        if (p.isEmpty() && u.isEmpty() && lookup("", declared, scopes) == null) {
            return;
        }
        declared.put(p, u);
        out.append(p.isEmpty() ? " xmlns" : " xmlns:" + p).append("=\"");
        escape(u, out, true);
        out.append('"');
    }

    private static String lookup(String prefix, Map<String, String> declared, Deque<Map<String, String>> scopes) {
        String v = declared.get(prefix);
        if (v != null) {
            return v;
        }
        for (Map<String, String> scope : scopes) {
            v = scope.get(prefix);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static void escape(String s, StringBuilder out, boolean attribute) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c);
            }
        }
    }
}

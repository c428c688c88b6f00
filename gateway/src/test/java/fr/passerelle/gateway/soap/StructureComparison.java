package fr.passerelle.gateway.soap;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Compares the structure of two messages, not their bytes: the element paths (namespace + local name), the
 * attribute names present at each path, and the code systems / coding schemes used.
 */
public final class StructureComparison {

    private StructureComparison() {
    }

    /** Element paths like {@code /PRPA_IN201306UV02/acknowledgement/typeCode}, namespaces checked separately. */
    public static Set<String> elementPaths(Element root) {
        Set<String> paths = new TreeSet<>();
        collect(root, "", paths, false);
        return paths;
    }

    /** Element paths with their attribute names: {@code .../typeCode@code}. */
    public static Set<String> attributePaths(Element root) {
        Set<String> paths = new TreeSet<>();
        collect(root, "", paths, true);
        return paths;
    }

    /** Every {@code codeSystem} attribute value and every ebRIM {@code codingScheme} slot value. */
    public static Set<String> codeSystems(Element root) {
        Set<String> systems = new LinkedHashSet<>();
        collectSystems(root, systems);
        return new TreeSet<>(systems);
    }

    /** Namespaces of all elements. */
    public static Set<String> namespaces(Element root) {
        Set<String> namespaces = new TreeSet<>();
        collectNamespaces(root, namespaces);
        return namespaces;
    }

    private static void collect(Element element, String parent, Set<String> paths, boolean attributes) {
        String path = parent + "/" + element.getLocalName();
        paths.add(path);
        if (attributes) {
            NamedNodeMap map = element.getAttributes();
            for (int i = 0; i < map.getLength(); i++) {
                Node attribute = map.item(i);
                String name = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
                if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                    paths.add(path + "@" + name);
                }
            }
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collect(child, path, paths, attributes);
            }
        }
    }

    private static void collectSystems(Element element, Set<String> systems) {
        if (element.hasAttribute("codeSystem")) {
            systems.add(element.getAttribute("codeSystem"));
        }
        if ("Slot".equals(element.getLocalName()) && "codingScheme".equals(element.getAttribute("name"))) {
            systems.add(element.getTextContent().trim());
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collectSystems(child, systems);
            }
        }
    }

    private static void collectNamespaces(Element element, Set<String> namespaces) {
        namespaces.add(element.getNamespaceURI());
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collectNamespaces(child, namespaces);
            }
        }
    }
}

package fr.passerelle.translation.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Rewrites of the validating stylesheet the ISO skeleton generates that leave out work whose output the gateway
 * never reads, or work that outputs nothing; the failed assertions and successful reports (id, role, location,
 * text) and the {@code svrl:active-pattern} (id, name) before them are unchanged for any document.
 * <ul>
 * <li>{@code svrl:fired-rule}, written each time a rule fires (hundreds per document), is not written. Every one
 * the skeleton generates is literal (attributes constant), so leaving it out changes nothing else.</li>
 * <li>The {@code document} and {@code documents} attributes of {@code svrl:active-pattern} ({@code document-uri(/)}
 * twice per pattern, empty for a document parsed from memory) are not written.</li>
 * <li>Inside each {@code svrl:active-pattern} the skeleton applies the default mode to the whole document; when
 * the stylesheet's default-mode templates are only the one for the root and an empty one for text, that walk
 * writes nothing, once per pattern, and is dropped.</li>
 * <li>A pattern without a rule is not walked (only the skeleton's catch-all templates, which write nothing, would
 * apply); in a pattern whose rules all match only the root node, the walk stops at the root.</li>
 * </ul>
 */
final class ReportTrimming {

    private static final String XSL = VocabularyIndex.XSL;
    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";

    private ReportTrimming() {
    }

    static void apply(Document xslt) {
        Element stylesheet = xslt.getDocumentElement();
        for (Element fired : elements(stylesheet, SVRL, "fired-rule")) {
            if (isLiteral(fired)) {
                fired.getParentNode().removeChild(fired);
            }
        }
        boolean defaultModeSilent = defaultModeWritesNothing(stylesheet);
        for (Element pattern : elements(stylesheet, SVRL, "active-pattern")) {
            for (Element child : childElements(pattern)) {
                if (!XSL.equals(child.getNamespaceURI())) {
                    continue;
                }
                boolean documentUri = "attribute".equals(child.getLocalName())
                        && Set.of("document", "documents").contains(child.getAttribute("name"));
                boolean defaultWalk = "apply-templates".equals(child.getLocalName()) && defaultModeSilent
                        && !child.hasAttribute("mode") && !child.hasAttribute("select") && !child.hasChildNodes();
                if (documentUri || defaultWalk) {
                    pattern.removeChild(child);
                }
            }
        }
        Set<String> ruleless = new HashSet<>();
        Set<String> rootOnly = new HashSet<>();
        classifyModes(stylesheet, ruleless, rootOnly);
        for (Element apply : elements(stylesheet, XSL, "apply-templates")) {
            String mode = apply.getAttribute("mode");
            if (ruleless.contains(mode)) {
                apply.getParentNode().removeChild(apply);
            } else if (rootOnly.contains(mode) && !"/".equals(apply.getAttribute("select"))) {
                // Below the root, no rule of the pattern can match: the walk would only run the catch-all.
                apply.getParentNode().removeChild(apply);
            }
        }
    }

    /** Pattern modes (M…) by their rules (templates of non-negative priority): none, or only match="/". */
    private static void classifyModes(Element stylesheet, Set<String> ruleless, Set<String> rootOnly) {
        Set<String> modes = new HashSet<>();
        Set<String> withRules = new HashSet<>();
        Set<String> withOtherRules = new HashSet<>();
        for (Element t : elements(stylesheet, XSL, "template")) {
            String mode = t.getAttribute("mode");
            if (!mode.matches("M\\d+")) {
                continue;
            }
            modes.add(mode);
            String priority = t.getAttribute("priority");
            boolean catchAll = priority.startsWith("-");
            if (!catchAll) {
                withRules.add(mode);
                if (!"/".equals(t.getAttribute("match").strip())) {
                    withOtherRules.add(mode);
                }
            } else if (!isCatchAll(t)) {
                withOtherRules.add(mode);
                withRules.add(mode);
            }
        }
        for (String m : modes) {
            if (!withRules.contains(m)) {
                ruleless.add(m);
            } else if (!withOtherRules.contains(m)) {
                rootOnly.add(m);
            }
        }
    }

    /** The skeleton's two catch-alls of a pattern mode: empty for text, and "apply to the children" for the rest. */
    private static boolean isCatchAll(Element template) {
        String match = template.getAttribute("match");
        List<Element> body = childElements(template);
        if ("text()".equals(match)) {
            return body.isEmpty();
        }
        return "@*|node()".equals(match) && body.size() == 1 && XSL.equals(body.get(0).getNamespaceURI())
                && "apply-templates".equals(body.get(0).getLocalName())
                && template.getAttribute("mode").equals(body.get(0).getAttribute("mode"))
                && childElements(body.get(0)).isEmpty();
    }

    /** The default mode's templates: match="/" (never reached from below the root) and an empty one for text. */
    private static boolean defaultModeWritesNothing(Element stylesheet) {
        for (Element t : childElements(stylesheet)) {
            if (!XSL.equals(t.getNamespaceURI()) || !"template".equals(t.getLocalName()) || t.hasAttribute("mode")
                    || !t.hasAttribute("match")) {
                continue;
            }
            String match = t.getAttribute("match").strip();
            if (!"/".equals(match) && !("text()".equals(match) && !t.hasChildNodes())) {
                return false;
            }
        }
        return true;
    }

    /** Nothing in it is evaluated: only literal attributes and xsl:attribute with literal text. */
    private static boolean isLiteral(Element e) {
        for (Element c : childElements(e)) {
            boolean literalAttribute = XSL.equals(c.getNamespaceURI()) && "attribute".equals(c.getLocalName())
                    && !c.getAttribute("name").contains("{") && !c.hasAttribute("select")
                    && childElements(c).isEmpty();
            if (!literalAttribute) {
                return false;
            }
        }
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            if (e.getAttributes().item(i).getNodeValue().contains("{")) {
                return false;
            }
        }
        return true;
    }

    private static List<Element> elements(Element root, String ns, String localName) {
        NodeList found = root.getElementsByTagNameNS(ns, localName);
        List<Element> out = new ArrayList<>(found.getLength());
        for (int i = 0; i < found.getLength(); i++) {
            out.add((Element) found.item(i));
        }
        return out;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}

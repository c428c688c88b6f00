package fr.passerelle.translation.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Visits, in a pattern, only the nodes that lie on the path of one of its rules. The skeleton walks a pattern
 * over every element below its start (ART-DECOR's Patient Summary header pattern: all 1,836 elements of an
 * IPS-FR summary, every one tested against its rules of the same name), though its 166 rules name, step by step,
 * the only paths they can match: 228 of those elements.
 *
 * <p>When every rule of a pattern is a path of child steps without axes (predicates aside) — from the root
 * ({@code /hl7:ClinicalDocument[…]/hl7:component/…}), or, for a pattern {@link ValidatorTuning} walks from the
 * parents of its template's elements, from such a parent ({@code *[hl7:act[…]]/hl7:act[…]/…}) — the walk becomes
 * one {@code xsl:apply-templates} over the union of those paths with their predicates left out (a superset of the
 * nodes the rules match, each a node the walk visited before), and the pattern's templates no longer descend.
 * Why the findings are the same: a rule matching a node is chosen from the node alone, however it was reached;
 * every node a rule matches is in the union; a node in it that no rule matches only meets the catch-all, which now
 * writes nothing and stops; and the union is in document order, the order in which the descending walk reached
 * nodes (a rule writes its findings before descending, as its last instruction), so findings come in the same
 * order.
 */
final class DirectedWalks {

    private static final String XSL = VocabularyIndex.XSL;
    private static final Pattern CHILD_STEP = Pattern.compile("\\*|[\\w.-]+:\\*|[\\w.-]+(:[\\w.-]+)?");
    private static final String SCOPE = "$passerelle-scope";

    private DirectedWalks() {
    }

    /** Rewrites the walks of the generated validator in place; returns how many patterns now walk directed. */
    static int apply(Document xslt) {
        Map<String, List<Element>> templatesByMode = new LinkedHashMap<>();
        for (Element t : elements(xslt, "template")) {
            if (t.getAttribute("mode").matches("M\\d+")) {
                templatesByMode.computeIfAbsent(t.getAttribute("mode"), m -> new ArrayList<>()).add(t);
            }
        }
        Map<String, List<Element>> walksByMode = new LinkedHashMap<>();
        for (Element apply : elements(xslt, "apply-templates")) {
            walksByMode.computeIfAbsent(apply.getAttribute("mode"), m -> new ArrayList<>()).add(apply);
        }
        int directed = 0;
        for (Map.Entry<String, List<Element>> mode : templatesByMode.entrySet()) {
            if (direct(mode.getKey(), mode.getValue(), walksByMode.getOrDefault(mode.getKey(), List.of()))) {
                directed++;
            }
        }
        return directed;
    }

    private static boolean direct(String mode, List<Element> templates, List<Element> walks) {
        List<Element> starts = walks.stream().filter(w -> !within(w, templates)).toList();
        if (starts.size() != 1) {
            return false;
        }
        Element start = starts.get(0);
        String from = start.getAttribute("select");
        boolean fromRoot = "/".equals(from);
        if (!fromRoot && !from.startsWith(SCOPE + "[")) {
            return false;
        }
        Step root = new Step("");
        List<Element> descents = new ArrayList<>();
        for (Element t : templates) {
            boolean rule = !t.getAttribute("priority").startsWith("-");
            if (rule && !root.add(steps(t.getAttribute("match")), fromRoot)) {
                return false;
            }
            Element last = lastElementChild(t);
            for (Node c = t.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e && XSL.equals(e.getNamespaceURI()) && "apply-templates".equals(e.getLocalName())) {
                    if (e != last || !mode.equals(e.getAttribute("mode"))) {
                        return false; // the descent must be the template's last instruction, in its own mode
                    }
                    descents.add(e);
                }
            }
        }
        if (descents.size() + 1 != walks.size() || root.children.isEmpty() && fromRoot) {
            return false;
        }
        descents.forEach(d -> d.getParentNode().removeChild(d));
        start.setAttribute("select", fromRoot ? "/(" + root.union() + ")" : SCOPE + root.below());
        return true;
    }

    /** The steps of a match pattern with predicates left out, or null when it is not a path of child steps. */
    static List<String> steps(String match) {
        StringBuilder bare = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (char c : match.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (depth > 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (depth == 0) {
                bare.append(c);
            }
        }
        String path = bare.toString().strip();
        if (path.contains("//") || path.contains("|") || path.isEmpty() || path.endsWith("/")) {
            return null;
        }
        List<String> steps = new ArrayList<>(List.of(path.split("/", -1)));
        for (int i = 0; i < steps.size(); i++) {
            String s = steps.get(i).strip();
            if (!(i == 0 && s.isEmpty()) && !CHILD_STEP.matcher(s).matches()) {
                return null;
            }
            steps.set(i, s);
        }
        return steps;
    }

    /** The paths of a pattern's rules as a tree of steps. */
    private static final class Step {
        final String test;
        final Map<String, Step> children = new LinkedHashMap<>();

        Step(String test) {
            this.test = test;
        }

        /** Adds a rule's path: from the root ("" first) or from a scope element ("*" first); false if neither. */
        boolean add(List<String> steps, boolean fromRoot) {
            if (steps == null || steps.size() < 2 && fromRoot
                    || !(fromRoot ? steps.get(0).isEmpty() : "*".equals(steps.get(0)))) {
                return false;
            }
            Step s = this;
            for (String t : steps.subList(1, steps.size())) {
                s = s.children.computeIfAbsent(t, Step::new);
            }
            return true;
        }

        String union() {
            return String.join(" | ", children.values().stream().map(c -> c.test + c.below()).toList());
        }

        /** What follows this step: "/(. | child paths)", or nothing for the last step. */
        String below() {
            return children.isEmpty() ? "" : "/(. | " + union() + ")";
        }
    }

    private static boolean within(Node n, List<Element> templates) {
        for (Node p = n.getParentNode(); p != null; p = p.getParentNode()) {
            if (templates.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static Element lastElementChild(Element e) {
        for (Node c = e.getLastChild(); c != null; c = c.getPreviousSibling()) {
            if (c instanceof Element last) {
                return last;
            }
        }
        return null;
    }

    private static List<Element> elements(Document xslt, String localName) {
        NodeList found = xslt.getDocumentElement().getElementsByTagNameNS(XSL, localName);
        List<Element> out = new ArrayList<>(found.getLength());
        for (int i = 0; i < found.getLength(); i++) {
            out.add((Element) found.item(i));
        }
        return out;
    }
}

package fr.passerelle.translation.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Two rewrites of the validating stylesheet the ISO skeleton generates, each giving the same SVRL for any
 * document. The skeleton walks the whole document once per pattern, attributes included (ART-DECOR's Patient
 * Summary: 43 patterns × ~2,500 nodes for a small summary), though rules rarely match attributes and most
 * patterns belong to templates the document does not use.
 * <ul>
 * <li>In a pattern none of whose rules can match an attribute, the walk skips attributes.</li>
 * <li>A pattern each of whose rules can only match inside an element declaring a given templateId (ART-DECOR
 * contexts start {@code /hl7:ClinicalDocument[hl7:templateId[@root = 'X']]} or
 * {@code *[hl7:e[hl7:templateId[@root = 'X']…}) is walked only when the document declares one of those
 * templateIds anywhere (an indexed look-up); when all its rules are of the relative kind, only the subtrees of the
 * parents of those elements are walked (every node such a rule can match lies there).</li>
 * </ul>
 * {@link DirectedWalks} then narrows such walks (and those from the root) to the nodes on the rules' paths.
 */
final class ValidatorTuning {

    private static final String XSL = VocabularyIndex.XSL;
    private static final String HL7 = "urn:hl7-org:v3";
    private static final String TEMPLATES_KEY = "passerelle-template-ids";
    private static final Pattern ABSOLUTE = Pattern.compile(
            "^/hl7:ClinicalDocument\\[hl7:templateId\\[@root = '([0-9.]+)'\\]\\]");
    private static final Pattern RELATIVE = Pattern.compile(
            "^\\*\\[hl7:[\\w-]+\\[hl7:templateId\\[@root = '([0-9.]+)'\\](?:\\]| and )");

    private ValidatorTuning() {
    }

    static void apply(Document xslt) {
        Element stylesheet = xslt.getDocumentElement();
        Map<String, List<String>> matchesByMode = new HashMap<>();
        List<Element> walks = new ArrayList<>();
        NodeList templates = stylesheet.getElementsByTagNameNS(XSL, "template");
        for (int i = 0; i < templates.getLength(); i++) {
            Element t = (Element) templates.item(i);
            String mode = t.getAttribute("mode");
            String priority = t.getAttribute("priority");
            if (mode.matches("M\\d+") && !priority.isEmpty() && !priority.startsWith("-")) {
                matchesByMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(t.getAttribute("match"));
            }
        }
        NodeList applies = stylesheet.getElementsByTagNameNS(XSL, "apply-templates");
        for (int i = 0; i < applies.getLength(); i++) {
            walks.add((Element) applies.item(i));
        }
        boolean keyNeeded = false;
        for (Element apply : walks) {
            String mode = apply.getAttribute("mode");
            if (!mode.matches("M\\d+")) {
                continue;
            }
            List<String> matches = matchesByMode.getOrDefault(mode, List.of());
            if ("@*|*".equals(apply.getAttribute("select")) && matches.stream().noneMatch(ValidatorTuning::mayMatchAttribute)) {
                apply.setAttribute("select", "*");
            }
            if ("/".equals(apply.getAttribute("select")) && !matches.isEmpty()) {
                Set<String> required = new LinkedHashSet<>();
                boolean relativeOnly = true;
                for (String m : matches) {
                    String r = requiredTemplate(m);
                    if (r == null) {
                        required = null;
                        break;
                    }
                    relativeOnly &= RELATIVE.matcher(m).find();
                    required.add(r);
                }
                if (required != null) {
                    String declaring = "key('" + TEMPLATES_KEY + "', ('" + String.join("', '", required) + "'), /)";
                    Element guard = xslt.createElementNS(XSL, "xsl:if");
                    guard.setAttribute("test", "exists(" + declaring + ")");
                    apply.getParentNode().replaceChild(guard, apply);
                    if (relativeOnly) {
                        // Every node such a rule matches lies under the parent of an element declaring the template
                        // (the "*" step): walk from the outermost of those parents only, each node once, in order.
                        Element scope = xslt.createElementNS(XSL, "xsl:variable");
                        scope.setAttribute("name", "passerelle-scope");
                        scope.setAttribute("select", declaring + "/../..");
                        guard.appendChild(scope);
                        apply.setAttribute("select",
                                "$passerelle-scope[not(ancestor::* intersect $passerelle-scope)]");
                    }
                    guard.appendChild(apply);
                    keyNeeded = true;
                }
            }
        }
        if (keyNeeded) {
            Element key = xslt.createElementNS(XSL, "xsl:key");
            key.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:passerelle-hl7", HL7);
            key.setAttribute("name", TEMPLATES_KEY);
            key.setAttribute("match", "passerelle-hl7:templateId");
            key.setAttribute("use", "@root");
            stylesheet.insertBefore(key, stylesheet.getFirstChild());
        }
    }

    /** The templateId every node this match pattern matches sits under, or null when there is none to tell. */
    static String requiredTemplate(String match) {
        if (match.contains("|")) {
            return null;
        }
        Matcher m = ABSOLUTE.matcher(match);
        if (m.find()) {
            return m.group(1);
        }
        m = RELATIVE.matcher(match);
        return m.find() ? m.group(1) : null;
    }

    /** Whether the last step of a match pattern (any branch of a union) may select an attribute. */
    static boolean mayMatchAttribute(String match) {
        int depth = 0;
        char quote = 0;
        int stepStart = 0;
        List<String> lastSteps = new ArrayList<>();
        for (int i = 0; i < match.length(); i++) {
            char c = match.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (depth == 0 && c == '/') {
                stepStart = i + 1;
            } else if (depth == 0 && c == '|') {
                lastSteps.add(match.substring(stepStart, i).strip());
                stepStart = i + 1;
            }
        }
        lastSteps.add(match.substring(stepStart).strip());
        return lastSteps.stream().anyMatch(s -> s.startsWith("@") || s.startsWith("attribute::")
                || s.startsWith("node()") || s.isEmpty() && match.isEmpty());
    }
}

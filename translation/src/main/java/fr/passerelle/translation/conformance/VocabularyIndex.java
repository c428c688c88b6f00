package fr.passerelle.translation.conformance;

import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Turns the ART-DECOR value-set tests into indexed look-ups. ART-DECOR writes "is this code in the value set" as
 * a general comparison against every concept of a vocabulary file, e.g.
 * {@code concat(@code, @codeSystem) = doc('include/voc-….xml')//valueSet[1]/conceptList/concept/concat(@code,
 * @codeSystem)}, inside rule contexts that Saxon evaluates for every candidate node: a linear scan of up to
 * 40,000 concepts each time (seconds per Patient Summary on Saxon-HE, which has no automatic index). The same
 * test written with {@code xsl:key} over the same concepts is a hash look-up, and the index lives with the
 * vocabulary tree, which {@link SharedDocuments} keeps for every run. Only these two exact shapes are rewritten,
 * each to an expression with the same result: anything else runs as written.
 */
final class VocabularyIndex {

    static final String XSL = "http://www.w3.org/1999/XSL/Transform";
    private static final String ISO = "http://purl.oclc.org/dsdl/schematron";
    private static final String BY_CODE_AND_SYSTEM = "passerelle-voc-code-system";
    private static final String BY_CODE = "passerelle-voc-code";
    private static final Pattern CODE_AND_SYSTEM = Pattern.compile(
            "concat\\(@code,\\s*@codeSystem\\)\\s*=\\s*doc\\(('[^']+')\\)//valueSet\\[1\\]/conceptList/concept/"
                    + "concat\\(@code,\\s*@codeSystem\\)");
    private static final Pattern CODE = Pattern.compile(
            "@code\\s*=\\s*doc\\(('[^']+')\\)//valueSet\\[1\\]/conceptList/\\*/@code");

    private static final Pattern DOC = Pattern.compile("doc\\(\\s*'([^']+)'\\s*\\)");

    private VocabularyIndex() {
    }

    /** Rewrites rule contexts, assertion tests and variables of the schema in place; returns how many. */
    static int apply(Document schema) {
        int rewritten = 0;
        NodeList all = schema.getElementsByTagNameNS(ISO, "*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (String name : new String[] {"context", "test", "value"}) {
                Node a = attributes.getNamedItem(name);
                if (a != null) {
                    String before = a.getNodeValue();
                    String after = CODE.matcher(CODE_AND_SYSTEM.matcher(before).replaceAll(
                            "exists(key('" + BY_CODE_AND_SYSTEM + "', concat(@code, @codeSystem), doc($1)))"))
                            .replaceAll("exists(key('" + BY_CODE + "', @code, doc($1)))");
                    if (!after.equals(before)) {
                        ((Attr) a).setValue(after);
                        rewritten++;
                    }
                }
            }
        }
        rewritten += shareDocuments(schema, all);
        if (rewritten > 0) {
            Element root = schema.getDocumentElement();
            Node first = root.getFirstChild();
            root.insertBefore(key(schema, BY_CODE_AND_SYSTEM, "valueSet[1]/conceptList/concept",
                    "concat(@code, @codeSystem)"), first);
            root.insertBefore(key(schema, BY_CODE, "valueSet[1]/conceptList/*", "@code"), first);
        }
        return rewritten;
    }

    /**
     * Every {@code doc('…')} becomes a global variable holding that document: Saxon resolves a {@code doc()} call
     * (a file-system canonicalisation) each time it is evaluated, i.e. for every candidate node of a rule context.
     */
    private static int shareDocuments(Document schema, NodeList all) {
        java.util.Map<String, String> variables = new java.util.LinkedHashMap<>();
        int rewritten = 0;
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (String name : new String[] {"context", "test", "value"}) {
                Node a = attributes.getNamedItem(name);
                if (a == null || !a.getNodeValue().contains("doc('")) {
                    continue;
                }
                java.util.regex.Matcher m = DOC.matcher(a.getNodeValue());
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    String variable = variables.computeIfAbsent(m.group(1), h -> "passerelle-doc-" + (variables.size() + 1));
                    m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement("$" + variable));
                }
                m.appendTail(out);
                ((Attr) a).setValue(out.toString());
                rewritten++;
            }
        }
        Element root = schema.getDocumentElement();
        Node first = root.getFirstChild();
        variables.forEach((href, variable) -> {
            Element let = schema.createElementNS(ISO, "let");
            let.setAttribute("name", variable);
            let.setAttribute("value", "doc('" + href + "')");
            root.insertBefore(let, first);
        });
        return rewritten;
    }

    private static Element key(Document schema, String name, String match, String use) {
        Element key = schema.createElementNS(XSL, "xsl:key");
        key.setAttribute("name", name);
        key.setAttribute("match", match);
        key.setAttribute("use", use);
        return key;
    }
}

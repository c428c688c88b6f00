package fr.passerelle.translation.fhir;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Section narratives of the IPS Bundle: a generated English summary of the entries, followed by the French
 * narrative of the source converted from CDA narrative block to the XHTML subset FHIR allows — the text is
 * kept word for word; only the markup changes (paragraph → p, content → span, list → ul/ol, linkHtml → a…).
 * Sections whose statements no IPS resource holds (family history, advance directives…) are carried by it.
 */
final class FhirNarrative {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    /** CDA narrative elements and their XHTML counterparts; anything else keeps its text in a span. */
    private static final Map<String, String> ELEMENTS = Map.ofEntries(
            Map.entry("paragraph", "p"), Map.entry("content", "span"), Map.entry("br", "br"),
            Map.entry("item", "li"), Map.entry("table", "table"), Map.entry("thead", "thead"),
            Map.entry("tbody", "tbody"), Map.entry("tfoot", "tfoot"), Map.entry("tr", "tr"), Map.entry("th", "th"),
            Map.entry("td", "td"), Map.entry("caption", "caption"), Map.entry("col", "col"),
            Map.entry("colgroup", "colgroup"), Map.entry("sub", "sub"), Map.entry("sup", "sup"),
            Map.entry("footnote", "span"), Map.entry("footnoteRef", "span"), Map.entry("linkHtml", "a"));

    private FhirNarrative() {
    }

    /**
     * @param lines     generated English lines (one per entry, or "no information")
     * @param narratives the French narrative blocks of the section, in order (none may be null)
     */
    static Narrative section(List<String> lines, List<Element> narratives) {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", XHTML);
        if (!lines.isEmpty()) {
            XhtmlNode ul = div.addTag("ul");
            for (String line : lines) {
                ul.addTag("li").addText(line);
            }
        }
        boolean french = false;
        for (Element narrative : narratives) {
            if (narrative != null && !narrative.getTextContent().isBlank()) {
                XhtmlNode block = div.addTag("div");
                block.setAttribute("lang", "fr");
                block.setAttribute("xml:lang", "fr");
                children(narrative, block);
                french = true;
            }
        }
        if (lines.isEmpty() && !french) {
            div.addTag("p").addText("No information.");
        }
        // The French narrative says more than the coded entries: "additional", not "generated".
        return new Narrative().setStatus(french ? Narrative.NarrativeStatus.ADDITIONAL
                : Narrative.NarrativeStatus.GENERATED).setDiv(div);
    }

    private static void children(Element cda, XhtmlNode into) {
        for (Node n = cda.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = n.getNodeValue();
                if (!text.isEmpty()) {
                    into.addText(text);
                }
            } else if (n instanceof Element e) {
                element(e, into);
            }
        }
    }

    private static void element(Element e, XhtmlNode into) {
        String name = e.getLocalName();
        if ("renderMultiMedia".equals(name)) {
            // The multimedia object itself is not in the Bundle: say so rather than leave a silent gap.
            into.addTag("span").addText("[multimedia content of the French document not included]");
            return;
        }
        if ("list".equals(name)) {
            XhtmlNode list = into.addTag("ordered".equals(e.getAttribute("listType")) ? "ol" : "ul");
            children(e, list);
            return;
        }
        String xhtml = ELEMENTS.getOrDefault(name, "span");
        XhtmlNode node = into.addTag(xhtml);
        if ("a".equals(xhtml)) {
            String href = e.getAttribute("href");
            if (href.startsWith("https://") || href.startsWith("http://")) {
                node.setAttribute("href", href);
            }
        }
        for (String span : new String[] {"colspan", "rowspan"}) {
            if (!e.getAttribute(span).isEmpty() && ("td".equals(xhtml) || "th".equals(xhtml))) {
                node.setAttribute(span, e.getAttribute(span));
            }
        }
        children(e, node);
        if (!node.hasChildren() && ("span".equals(xhtml) || "a".equals(xhtml) || "p".equals(xhtml))) {
            // Empty inline elements are dropped: FHIR's XHTML must not be emptied of its meaning by markup alone.
            into.getChildNodes().remove(node);
        }
    }
}

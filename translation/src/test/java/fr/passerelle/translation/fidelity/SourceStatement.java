package fr.passerelle.translation.fidelity;

import static fr.passerelle.translation.cda.CdaNodes.attr;
import static fr.passerelle.translation.cda.CdaNodes.child;
import static fr.passerelle.translation.cda.CdaNodes.children;
import static fr.passerelle.translation.cda.CdaNodes.path;

import fr.passerelle.translation.cda.CdaNodes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One clinical statement of a French CDA, found in the document itself (not through the translation's own reader,
 * which would hide what it does not read): each entry's statement — the observations inside a concern act and the
 * components of an organizer counted one by one — and each section that has no entry but has narrative text.
 *
 * @param xpath   where it is in the French document
 * @param section the LOINC code of its section (or {@code ?})
 * @param what    the statement in a few words (element, and its code when it has one)
 * @param ids     its instance identifiers as {@code root} or {@code root^extension}
 * @param code    the code that says what it is about (agent, product, device, value or own code), or null
 * @param time    its effective time as written (value or low), or null
 * @param sectionText true for a section with narrative text and no entries
 * @param text    for such a section, its narrative text with white space collapsed; null otherwise
 */
record SourceStatement(String xpath, String section, String what, Set<String> ids, String code, String time,
                       boolean sectionText, String text) {

    /** White space collapsed, so a narrative is found whatever the output's line breaks. */
    static String words(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }


    /** Every clinical statement of the document's structured body, in document order. */
    static List<SourceStatement> of(Document cda) {
        List<SourceStatement> out = new ArrayList<>();
        Element body = path(cda.getDocumentElement(), "component", "structuredBody");
        if (body == null) {
            return out;
        }
        for (Element section : CdaNodes.descendants(body, "section")) {
            String loinc = attr(child(section, "code"), "code");
            String sectionCode = loinc == null ? "?" : loinc;
            List<Element> entries = children(section, "entry");
            if (entries.isEmpty()) {
                Element text = child(section, "text");
                if (text != null && !text.getTextContent().isBlank()) {
                    out.add(new SourceStatement(CdaNodes.xpath(section), sectionCode, "section text (no entries)",
                            Set.of(), loinc, null, true, words(text.getTextContent())));
                }
                continue;
            }
            for (Element entry : entries) {
                for (Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element s && !"templateId".equals(s.getLocalName())) {
                        expand(s, sectionCode, out);
                    }
                }
            }
        }
        return out;
    }

    /** An act stands for the observations it is about (a concern, for one); an organizer for its components. */
    private static void expand(Element s, String section, List<SourceStatement> out) {
        if ("act".equals(s.getLocalName())) {
            List<Element> concerned = new ArrayList<>();
            for (Element rel : children(s, "entryRelationship")) {
                Element obs = child(rel, "observation");
                if ("SUBJ".equals(attr(rel, "typeCode")) && obs != null) {
                    concerned.add(obs);
                }
            }
            if (!concerned.isEmpty()) {
                concerned.forEach(o -> out.add(statement(o, section)));
                return;
            }
        }
        if ("organizer".equals(s.getLocalName())) {
            for (Element component : children(s, "component")) {
                for (Node n = component.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element c && !"templateId".equals(c.getLocalName())
                            && !"sequenceNumber".equals(c.getLocalName())) {
                        expand(c, section, out);
                    }
                }
            }
            return;
        }
        out.add(statement(s, section));
    }

    private static SourceStatement statement(Element s, String section) {
        Set<String> ids = new LinkedHashSet<>();
        for (Element id : children(s, "id")) {
            String root = attr(id, "root");
            if (root != null) {
                ids.add(attr(id, "extension") == null ? root : root + "^" + attr(id, "extension"));
            }
        }
        String code = firstCode(s);
        Element eff = child(s, "effectiveTime");
        String time = attr(eff, "value") != null ? attr(eff, "value") : attr(child(eff, "low"), "value");
        String what = s.getLocalName() + (code == null ? "" : " " + code);
        return new SourceStatement(CdaNodes.xpath(s), section, what, Set.copyOf(ids), code, time, false, null);
    }

    /** What the statement is about: the agent, product or device if any, else its coded value, else its code. */
    private static String firstCode(Element s) {
        for (Element candidate : new Element[] {
            path(s, "participant", "participantRole", "playingEntity", "code"),
            path(s, "consumable", "manufacturedProduct", "manufacturedMaterial", "code"),
            path(s, "product", "manufacturedProduct", "manufacturedMaterial", "code"),
            path(s, "participant", "participantRole", "playingDevice", "code"),
            child(s, "value"),
            child(s, "code")}) {
            String code = attr(candidate, "code");
            if (code != null) {
                return code;
            }
        }
        return null;
    }
}

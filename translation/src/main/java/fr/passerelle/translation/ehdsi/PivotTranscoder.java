package fr.passerelle.translation.ehdsi;

import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.Equivalence;
import fr.passerelle.terminology.Terminology;
import fr.passerelle.terminology.TranscodingResult;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.TranslationReport.MappedCode;
import fr.passerelle.translation.TranslationReport.UnmappedCode;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.translation.cda.CodedValue;
import fr.passerelle.translation.cda.SourceRef;
import fr.passerelle.translation.ehdsi.CodedElementList.CodedElement;
import fr.passerelle.translation.ehdsi.CodedElementList.PivotType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Transcodes every coded element of a pivot document that the coded-element list names: the national code
 * is replaced by the MVC code and kept as {@code <translation>}. A code that cannot be mapped becomes what eHDSI
 * asks for a code outside the value set: {@code nullFlavor="OTH"}, the national code as {@code <translation>} and
 * its text as {@code <originalText>}; it is reported with its XPath in the pivot and in the source. Nothing is
 * dropped silently, and a pivot code broader than the national one is reported as such (its equivalence).
 */
public final class PivotTranscoder {

    /** Provenance of a pivot code the source document itself gave as {@code <translation>}. */
    public static final String VIA_SOURCE_TRANSLATION = "the source document's own <translation>";

    private final Terminology terminology;
    private final CodedElementList list;

    public PivotTranscoder(Terminology terminology, CodedElementList list) {
        this.terminology = terminology;
        this.list = list;
    }

    /**
     * Transcodes in place.
     *
     * @param language when not null, displays are given in this language where the terminology has them
     */
    public void transcode(Element root, PivotType type, String language, TranslationReport.Builder report) {
        Map<String, List<CodedElement>> byName = new HashMap<>();
        for (CodedElement ce : list.elements(type)) {
            byName.computeIfAbsent(ce.matcher().elementName(), k -> new ArrayList<>()).add(ce);
        }
        List<Element> hits = new ArrayList<>();
        List<CodedElement> rules = new ArrayList<>();
        walk(root, byName, hits, rules);
        for (int i = 0; i < hits.size(); i++) {
            apply(hits.get(i), rules.get(i), language, report);
        }
    }

    private static void walk(Element e, Map<String, List<CodedElement>> byName, List<Element> hits,
                             List<CodedElement> rules) {
        List<CodedElement> candidates = byName.get(e.getLocalName());
        if (candidates != null) {
            for (CodedElement ce : candidates) {
                if (ce.matcher().matches(e)) {
                    hits.add(e);
                    rules.add(ce);
                    break;
                }
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                walk(c, byName, hits, rules);
            }
        }
    }

    private void apply(Element e, CodedElement rule, String language, TranslationReport.Builder report) {
        String attribute = rule.matcher().attribute();
        if (attribute != null) {
            unit(e, attribute, rule, report);
            return;
        }
        if (Boolean.TRUE.equals(e.getUserData(PivotDom.EHDSI_CODE))) {
            return;
        }
        String code = CdaNodes.attr(e, "code");
        String system = CdaNodes.attr(e, "codeSystem");
        if (code == null || system == null) {
            if (rule.usage().equals("R")) {
                report.unmapped(new UnmappedCode(CdaNodes.xpath(e), source(e), rule.valueSetOid(), null, null,
                        "required coded element has no code", true));
            }
            return;
        }
        Coding original = new Coding(system, code, CdaNodes.attr(e, "displayName"));
        // The element's own value set first, with the code or one of the author's translations; some elements name
        // a second value set (eHDSI's absent-or-unknown codes, substances beside active ingredients), tried only then.
        String valueSet = rule.valueSetOid();
        TranscodingResult result = terminology.transcode(original, valueSet);
        if (result instanceof TranscodingResult.NotTranscoded) {
            // The author may already have given the pivot code as a translation (e.g. ATC beside CIS).
            for (Element t : CdaNodes.children(e, "translation")) {
                String tc = CdaNodes.attr(t, "code");
                String ts = CdaNodes.attr(t, "codeSystem");
                if (tc != null && ts != null) {
                    TranscodingResult viaTranslation = terminology.transcode(new Coding(ts, tc, CdaNodes.attr(t, "displayName")),
                            valueSet);
                    if (viaTranslation instanceof TranscodingResult.Transcoded via) {
                        result = viaSourceTranslation(via, original);
                        e.removeChild(t);
                        break;
                    }
                }
            }
        }
        for (String other : rule.valueSetOids().subList(1, rule.valueSetOids().size())) {
            if (result instanceof TranscodingResult.Transcoded) {
                break;
            }
            TranscodingResult alternative = terminology.transcode(original, other);
            if (alternative instanceof TranscodingResult.Transcoded) {
                result = alternative;
                valueSet = other;
            }
        }
        if (result instanceof TranscodingResult.NotTranscoded notTranscoded) {
            report.unmapped(new UnmappedCode(CdaNodes.xpath(e), source(e), rule.valueSetOid(), system, code,
                    notTranscoded.failure().reason() + " (eHDSI " + notTranscoded.failure().ehdsiCode() + ")",
                    rule.required()));
            // Only where the writer marked the element as one eHDSI lets say "other" (a nullable binding):
            // elsewhere the runtime wants a code of the value set, and a nullFlavor would hide the French one.
            if (Boolean.TRUE.equals(e.getUserData(PivotDom.OTHER_WHEN_UNMAPPED))) {
                outsideTheValueSet(e, original);
            }
            return;
        }
        TranscodingResult.Transcoded transcoded = (TranscodingResult.Transcoded) result;
        Coding pivot = transcoded.pivot();
        String pivotSystem = pivot.systemOid().orElse(pivot.system());
        String display = pivot.display();
        if (language != null) {
            display = terminology.translate(pivot, language).orElse(display);
        }
        boolean same = pivotSystem.equals(system) && pivot.code().equals(code);
        e.setAttribute("code", pivot.code());
        e.setAttribute("codeSystem", pivotSystem);
        e.removeAttribute("codeSystemName");
        if (display != null) {
            e.setAttribute("displayName", display);
        }
        for (Element t : CdaNodes.children(e, "translation")) {
            // A translation that repeats the pivot code (an author ATC beside the CIS) says nothing more.
            if (pivot.code().equals(CdaNodes.attr(t, "code")) && pivotSystem.equals(CdaNodes.attr(t, "codeSystem"))) {
                e.removeChild(t);
            }
        }
        if (!same) {
            Element translation = e.getOwnerDocument().createElementNS(CdaNodes.HL7, "translation");
            translation.setAttribute("code", code);
            translation.setAttribute("codeSystem", system);
            if (original.display() != null) {
                translation.setAttribute("displayName", original.display());
            }
            // CD content order is originalText, qualifier, translation: the national code goes first among translations.
            Element firstTranslation = CdaNodes.child(e, "translation");
            e.insertBefore(translation, firstTranslation);
        }
        if (e.getUserData(PivotDom.STANDS_FOR) instanceof CodedValue source) {
            // A code the writer chose for the source's own (the document type): report what the source said.
            report.mapped(new MappedCode(CdaNodes.xpath(e), rule.valueSetOid(), source.codeSystem(), source.code(),
                    pivotSystem, pivot.code(), transcoded.equivalence(), transcoded.provenance()));
            return;
        }
        report.mapped(new MappedCode(CdaNodes.xpath(e), rule.valueSetOid(), system, code, pivotSystem, pivot.code(),
                transcoded.equivalence(), transcoded.provenance()));
    }

    /**
     * A pivot code found through a {@code <translation>} the author gave beside the national code: CDA means a
     * translation to name the same concept in another system, so a pivot equal to it is {@code equivalent} to the
     * national code; a translation that itself had to be mapped keeps that map's equivalence.
     */
    public static TranscodingResult.Transcoded viaSourceTranslation(TranscodingResult.Transcoded via, Coding original) {
        String equivalence = Equivalence.EQUAL.equals(via.equivalence()) ? Equivalence.EQUIVALENT : via.equivalence();
        return new TranscodingResult.Transcoded(via.pivot(), original, equivalence, via.mapUrl(),
                via.provenance() == null ? VIA_SOURCE_TRANSLATION : VIA_SOURCE_TRANSLATION + ", then " + via.provenance());
    }

    /**
     * eHDSI for a code the value set does not hold: no code on the element ({@code nullFlavor="OTH"}), the national
     * code kept as the first {@code <translation>} and its display as {@code <originalText>} unless the element has
     * one already. CD content order: originalText, qualifier, translation.
     */
    private static void outsideTheValueSet(Element e, Coding original) {
        for (String a : new String[] {"code", "codeSystem", "codeSystemName", "codeSystemVersion", "displayName"}) {
            e.removeAttribute(a);
        }
        e.setAttribute("nullFlavor", "OTH");
        Element translation = e.getOwnerDocument().createElementNS(CdaNodes.HL7, "translation");
        translation.setAttribute("code", original.code());
        translation.setAttribute("codeSystem", original.system());
        if (original.display() != null) {
            translation.setAttribute("displayName", original.display());
        }
        Element firstTranslation = CdaNodes.child(e, "translation");
        Element qualifier = CdaNodes.child(e, "qualifier");
        e.insertBefore(translation, firstTranslation != null ? firstTranslation : null);
        if (CdaNodes.child(e, "originalText") == null && original.display() != null) {
            Element text = e.getOwnerDocument().createElementNS(CdaNodes.HL7, "originalText");
            text.setTextContent(original.display());
            e.insertBefore(text, qualifier != null ? qualifier : translation);
        }
    }

    /** UCUM units sit in attributes: they are checked against the value set, never rewritten. */
    private void unit(Element e, String attribute, CodedElement rule, TranslationReport.Builder report) {
        String unit = CdaNodes.attr(e, attribute);
        if (unit == null) {
            return;
        }
        Coding coding = new Coding("2.16.840.1.113883.6.8", unit, null);
        TranscodingResult result = terminology.transcode(coding, rule.valueSetOid());
        String xpath = CdaNodes.xpath(e) + "/@" + attribute;
        if (result instanceof TranscodingResult.Transcoded t && t.pivot().code().equals(unit)) {
            report.mapped(new MappedCode(xpath, rule.valueSetOid(), coding.system(), unit, coding.system(), unit));
        } else {
            String reason = result instanceof TranscodingResult.NotTranscoded n
                    ? n.failure().reason() + " (eHDSI " + n.failure().ehdsiCode() + ")"
                    : "unit maps to another unit; attribute left unchanged";
            report.unmapped(new UnmappedCode(xpath, source(e), rule.valueSetOid(), coding.system(), unit, reason,
                    rule.required()));
        }
    }

    private static String source(Element e) {
        Object ref = e.getUserData(PivotDom.SOURCE);
        if (ref instanceof SourceRef s) {
            return s.xpath();
        }
        Node parent = e.getParentNode();
        return parent instanceof Element p && p.getUserData(PivotDom.SOURCE) instanceof SourceRef s ? s.xpath() : null;
    }
}

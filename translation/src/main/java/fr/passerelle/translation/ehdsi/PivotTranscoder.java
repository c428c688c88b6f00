package fr.passerelle.translation.ehdsi;

import fr.passerelle.terminology.Coding;
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
 * is replaced by the MVC code and kept as {@code <translation>}. A code that cannot be mapped is left as
 * it is and reported with its XPath in the pivot and in the source; nothing is dropped silently.
 */
public final class PivotTranscoder {

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
        // The first value set is the element's own; some elements name a second one (eHDSI's absent-or-unknown
        // codes, substances beside active ingredients), tried only when the first takes neither the code nor any
        // of the author's translations.
        String valueSet = rule.valueSetOid();
        TranscodingResult result = null;
        TranscodingResult.NotTranscoded firstFailure = null;
        Element usedTranslation = null;
        for (String candidate : rule.valueSetOids()) {
            TranscodingResult attempt = terminology.transcode(original, candidate);
            if (attempt instanceof TranscodingResult.NotTranscoded n) {
                if (firstFailure == null) {
                    firstFailure = n;
                }
                // The author may already have given the pivot code as a translation (e.g. ATC beside CIS).
                for (Element t : CdaNodes.children(e, "translation")) {
                    String tc = CdaNodes.attr(t, "code");
                    String ts = CdaNodes.attr(t, "codeSystem");
                    if (tc != null && ts != null) {
                        TranscodingResult viaTranslation = terminology.transcode(
                                new Coding(ts, tc, CdaNodes.attr(t, "displayName")), candidate);
                        if (viaTranslation instanceof TranscodingResult.Transcoded tr) {
                            attempt = new TranscodingResult.Transcoded(tr.pivot(), original);
                            usedTranslation = t;
                            break;
                        }
                    }
                }
            }
            if (attempt instanceof TranscodingResult.Transcoded) {
                result = attempt;
                valueSet = candidate;
                break;
            }
        }
        if (result == null) {
            report.unmapped(new UnmappedCode(CdaNodes.xpath(e), source(e), rule.valueSetOid(), system, code,
                    firstFailure.failure().reason() + " (eHDSI " + firstFailure.failure().ehdsiCode() + ")",
                    rule.required()));
            if (Boolean.TRUE.equals(e.getUserData(PivotDom.OTHER_WHEN_UNMAPPED))) {
                otherWithTranslation(e, original);
            }
            return;
        }
        if (usedTranslation != null) {
            e.removeChild(usedTranslation);
        }
        Coding pivot = ((TranscodingResult.Transcoded) result).pivot();
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
            report.mapped(new MappedCode(CdaNodes.xpath(e), valueSet, source.codeSystem(), source.code(),
                    pivotSystem, pivot.code()));
            return;
        }
        report.mapped(new MappedCode(CdaNodes.xpath(e), valueSet, system, code, pivotSystem, pivot.code()));
    }

    /**
     * HL7's form for a code outside the bound value set: {@code nullFlavor="OTH"}, the national code kept as the
     * first {@code <translation>} so that nothing of the source is lost.
     */
    private static void otherWithTranslation(Element e, Coding original) {
        Element translation = e.getOwnerDocument().createElementNS(CdaNodes.HL7, "translation");
        translation.setAttribute("code", original.code());
        translation.setAttribute("codeSystem", original.system());
        if (original.display() != null) {
            translation.setAttribute("displayName", original.display());
        }
        e.insertBefore(translation, CdaNodes.child(e, "translation"));
        e.removeAttribute("code");
        e.removeAttribute("codeSystem");
        e.removeAttribute("displayName");
        e.removeAttribute("codeSystemName");
        e.setAttribute("nullFlavor", "OTH");
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

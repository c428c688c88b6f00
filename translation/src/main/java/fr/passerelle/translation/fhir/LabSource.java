package fr.passerelle.translation.fhir;

import static fr.passerelle.translation.cda.CdaNodes.attr;
import static fr.passerelle.translation.cda.CdaNodes.child;
import static fr.passerelle.translation.cda.CdaNodes.children;

import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.translation.cda.Narrative;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One CR-BIO document being rendered: its narrative IDs (what an {@code originalText/reference} names), the
 * report, and the reading steps the lab writers share (codes as written, not-carried findings).
 */
final class LabSource {

    /** Children every clinical statement may have without a clinical meaning of their own. */
    static final Set<String> STRUCTURAL = Set.of("realmCode", "typeId", "templateId", "id", "text");

    private final Narrative narrative;
    private final TranslationReport.Builder report;

    LabSource(Element root, TranslationReport.Builder report) {
        this.narrative = new Narrative(root);
        this.report = report;
    }

    TranslationReport.Builder report() {
        return report;
    }

    void notCarried(Element where, String statement, String reason) {
        report.notCarried(new TranslationReport.NotCarried(CdaNodes.xpath(where), statement, reason));
    }

    void warning(String warning) {
        report.warning(warning);
    }

    /** The narrative text an {@code originalText} (or {@code text}) points at, or its own text; null if none. */
    String narrative(Element text) {
        return narrative.of(text);
    }

    /**
     * A CDA coded element as a CodeableConcept: its code (display as written, French), its translations, and
     * its original text (the narrative it points at) or display name as text. Null when it has neither a code,
     * a coded translation nor a text.
     */
    CodeableConcept concept(Element coded) {
        if (coded == null) {
            return null;
        }
        CodeableConcept cc = new CodeableConcept();
        addCoding(cc, coded);
        for (Element t : children(coded, "translation")) {
            addCoding(cc, t);
        }
        String text = narrative(child(coded, "originalText"));
        if (text == null) {
            text = attr(coded, "displayName");
        }
        cc.setText(text);
        return cc.hasCoding() || cc.hasText() ? cc : null;
    }

    private static void addCoding(CodeableConcept cc, Element e) {
        String code = attr(e, "code");
        String system = attr(e, "codeSystem");
        if (code != null && system != null) {
            cc.addCoding(new Coding(CodeSystems.canonicalUri(system), code.strip(), attr(e, "displayName")));
        }
    }

    /** The statement's children that {@code handled} does not name: each is reported, never dropped unseen. */
    void reportUnhandled(Element statement, Set<String> handled, String what) {
        for (Node n = statement.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !handled.contains(e.getLocalName()) && !STRUCTURAL.contains(e.getLocalName())
                    && attr(e, "nullFlavor") == null) {
                notCarried(e, e.getLocalName() + " of a " + what, "not modelled in the FHIR laboratory report");
            }
        }
    }
}

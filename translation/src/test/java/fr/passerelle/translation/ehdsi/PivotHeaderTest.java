package fr.passerelle.translation.ehdsi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.TranslationOutcome.Translated;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.terminology.xml.HardenedXml;
import fr.passerelle.translation.cda.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The eHDSI header elements the French header maps to: patient contacts (emergency contact, trusted person,
 * attending physician), the documented care provision (serviceEvent PCPR), the French source document
 * (relatedDocument XFRM), the level-1 templates — and the report lines for what the source lacks.
 */
class PivotHeaderTest {

    private static final String CONTACT = "1.3.6.1.4.1.19376.1.5.3.1.2.4";
    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    @Test
    void theFrenchRelativesAndAttendingPhysicianBecomeEhdsiPatientContacts() throws Exception {
        Element root = root(translated(SharedSamples.VSM).document());
        List<Element> contacts = CdaNodes.children(root, "participant").stream()
                .filter(p -> CdaNodes.hasTemplate(p, CONTACT)).toList();
        // VSM: emergency contact (ECON) and trusted person (NOK), both the patient's sister, and the attending physician.
        assertThat(contacts).extracting(p -> CdaNodes.attr(CdaNodes.child(p, "associatedEntity"), "classCode"))
                .containsExactly("ECON", "NOK", "PRS");
        Element sister = CdaNodes.child(contacts.get(0), "associatedEntity");
        assertThat(CdaNodes.attr(CdaNodes.child(sister, "code"), "code")).isEqualTo("SIS");
        assertThat(CdaNodes.text(CdaNodes.path(sister, "associatedPerson", "name", "family"))).isEqualTo("NESSI");
        assertThat(CdaNodes.text(CdaNodes.path(sister, "associatedPerson", "name", "given"))).isEqualTo("Sophie");
        assertThat(CdaNodes.attr(CdaNodes.child(sister, "telecom"), "value")).isEqualTo("tel:+33647150100");
        Element physician = contacts.get(2);
        assertThat(CdaNodes.attr(CdaNodes.child(physician, "functionCode"), "code")).isEqualTo("PCP");
        assertThat(CdaNodes.text(CdaNodes.path(physician, "associatedEntity", "associatedPerson", "name", "family")))
                .isEqualTo("MEDIONI");
        // The guardian stays in recordTarget.
        assertThat(CdaNodes.text(CdaNodes.path(root, "recordTarget", "patientRole", "patient", "guardian",
                "guardianPerson", "name", "family"))).isEqualTo("NESSI");
        assertThat(PivotSchema.errors(translated(SharedSamples.VSM).document())).isEmpty();
    }

    @Test
    void theSummaryDocumentsItsCareProvisionAndPointsToTheFrenchDocument() throws Exception {
        byte[] source = SharedSamples.bytes(SharedSamples.IPS_FR);
        Header french = translator.read(source).header();
        Translated out = translated(SharedSamples.IPS_FR);
        Element root = root(out.document());
        Element event = CdaNodes.path(root, "documentationOf", "serviceEvent");
        assertThat(CdaNodes.attr(event, "classCode")).isEqualTo("PCPR");
        assertThat(CdaNodes.attr(event, "moodCode")).isEqualTo("EVN");
        // IPS-FR gives the start of the care provision; its latest update is the summary's own time.
        assertThat(CdaNodes.attr(CdaNodes.path(event, "effectiveTime", "high"), "value")).isEqualTo(french.effectiveTime());
        Element performer = CdaNodes.child(event, "performer");
        assertThat(CdaNodes.attr(performer, "typeCode")).isEqualTo("PRF");
        // The RPPS profession becomes its ISCO-08 eHDSI code, the French code kept as translation.
        assertThat(CdaNodes.attr(CdaNodes.child(performer, "functionCode"), "codeSystem")).isEqualTo("2.16.840.1.113883.2.9.6.2.7");
        assertThat(CdaNodes.attr(CdaNodes.path(performer, "assignedEntity", "id"), "extension")).isEqualTo("801234567897");

        Element related = CdaNodes.child(root, "relatedDocument");
        assertThat(CdaNodes.attr(related, "typeCode")).isEqualTo("XFRM");
        Element parentId = CdaNodes.path(related, "parentDocument", "id");
        assertThat(CdaNodes.attr(parentId, "root")).isEqualTo(french.id().root());
        assertThat(CdaNodes.attr(parentId, "extension")).isEqualTo(french.id().extension());
        assertThat(PivotSchema.errors(out.document())).isEmpty();

        // The level-1 document carries the same header, declares the eHDSI "PS PDF embedded" template.
        Element l1 = root(out.levelOne().orElseThrow());
        assertThat(CdaNodes.hasTemplate(l1, "1.3.6.1.4.1.12559.11.10.1.3.1.1.7")).isTrue();
        assertThat(CdaNodes.hasTemplate(l1, "1.3.6.1.4.1.12559.11.10.1.3.1.1.3")).isFalse();
        assertThat(CdaNodes.attr(CdaNodes.path(l1, "documentationOf", "serviceEvent"), "classCode")).isEqualTo("PCPR");
        assertThat(CdaNodes.attr(CdaNodes.path(l1, "component", "nonXMLBody"), "classCode")).isEqualTo("DOCBODY");
        assertThat(PivotSchema.errors(out.levelOne().get())).isEmpty();
    }

    @Test
    void thePrescriptionPointsToTheFrenchDocumentAndItsPdfCopyBecomesItsLevelOne() throws Exception {
        Translated out = translated(SharedSamples.EP);
        Element root = root(out.document());
        assertThat(CdaNodes.child(root, "documentationOf")).as("no PCPR service event in an ePrescription").isNull();
        assertThat(CdaNodes.attr(CdaNodes.child(root, "relatedDocument"), "typeCode")).isEqualTo("XFRM");
        // eP-MED-DM embeds its "Copie du document" PDF in a section the pivot does not read.
        Element l1 = root(out.levelOne().orElseThrow());
        assertThat(CdaNodes.hasTemplate(l1, "1.3.6.1.4.1.12559.11.10.1.3.1.1.6")).isTrue();
        assertThat(CdaNodes.text(CdaNodes.path(l1, "component", "nonXMLBody", "text"))).startsWith("JVBERi0");
        assertThat(PivotSchema.errors(out.document())).isEmpty();
        assertThat(PivotSchema.errors(out.levelOne().get())).isEmpty();
    }

    @Test
    void aSummaryWithoutAnyContactGetsANullFlavouredOneAndTheReportSaysSo() throws Exception {
        String vsm = new String(SharedSamples.bytes(SharedSamples.VSM), StandardCharsets.UTF_8)
                .replaceAll("(?s)<informant>.*?</informant>", "")
                .replaceAll("(?s)<participant typeCode=\"INF\">.*?</participant>", "");
        TranslationOutcome outcome = translator.toPivot(vsm.getBytes(StandardCharsets.UTF_8), null);
        Translated out = (Translated) outcome;
        Element root = root(out.document());
        List<Element> participants = CdaNodes.children(root, "participant");
        assertThat(participants).hasSize(1);
        assertThat(CdaNodes.attr(participants.get(0), "nullFlavor")).isEqualTo("NI");
        assertThat(CdaNodes.hasTemplate(participants.get(0), CONTACT)).isTrue();
        assertThat(out.report().warnings()).anyMatch(w -> w.contains("no emergency contact, trusted person or attending"
                + " physician"));
        assertThat(PivotSchema.errors(out.document())).isEmpty();
    }

    @Test
    void organisationsWithoutTelecomAreReportedNotInvented() {
        Translated out = translated(SharedSamples.VSM);
        assertThat(out.report().warnings()).anyMatch(w -> w.contains("no telecom for the author's organisation"));
        assertThat(out.document()).doesNotContain("tel:+33000");
        Translated ep = translated(SharedSamples.EP);
        // The eP-MED-DM author's organisation has its telephone number: nothing to report about it.
        assertThat(ep.report().warnings()).noneMatch(w -> w.contains("author's organisation"));
    }

    @Test
    void theFrenchHeaderIsReadWithItsServiceEventAndRelatives() throws Exception {
        Header vsm = translator.read(SharedSamples.bytes(SharedSamples.VSM)).header();
        assertThat(vsm.serviceEvent().low()).isEqualTo("20200312111700+0100");
        assertThat(vsm.serviceEvent().performers()).singleElement()
                .satisfies(p -> assertThat(p.person().family()).isEqualTo("MEDIONI"));
        assertThat(vsm.contacts()).filteredOn(Header.Contact::isRelative).extracting(Header.Contact::classCode)
                .containsExactly("ECON", "NOK");
        assertThat(vsm.contacts()).filteredOn(Header.Contact::isRelative)
                .allSatisfy(c -> assertThat(c.relationship().code()).isEqualTo("SIS"));
    }

    private Translated translated(java.nio.file.Path sample) {
        TranslationOutcome out = translator.toPivot(SharedSamples.bytes(sample), null);
        assertThat(out).isInstanceOf(Translated.class);
        return (Translated) out;
    }

    private static Element root(String xml) throws Exception {
        return HardenedXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }
}

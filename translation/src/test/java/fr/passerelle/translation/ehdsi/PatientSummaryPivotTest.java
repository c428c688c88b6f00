package fr.passerelle.translation.ehdsi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.TranslationOutcome.Translated;
import fr.passerelle.translation.TranslationReport.UnmappedCode;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.terminology.xml.HardenedXml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class PatientSummaryPivotTest {

    private static final String ATC = "2.16.840.1.113883.6.73";
    private static final String CIS = "1.2.250.1.213.2.3.1";
    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    @Test
    void vsmBecomesAnEhdsiPatientSummaryWithTranscodedCodesAndNationalTranslations() throws Exception {
        Translated out = translated(translator.toPivot(SharedSamples.bytes(SharedSamples.VSM), null));
        Document pivot = HardenedXml.parse(out.document().getBytes(StandardCharsets.UTF_8));
        Element root = pivot.getDocumentElement();

        assertThat(CdaNodes.attr(CdaNodes.child(root, "templateId"), "root")).isEqualTo("1.3.6.1.4.1.12559.11.10.1.3.1.1.3");
        assertThat(CdaNodes.attr(CdaNodes.child(root, "code"), "code")).isEqualTo("60591-5");
        // Allergy count preserved (one in the VSM sample), and its paracetamol agent coded by ATC with the CIS kept.
        List<Element> allergyObservations = entries(root, "1.3.6.1.4.1.12559.11.10.1.3.1.3.17");
        assertThat(allergyObservations).hasSize(1);
        Element agent = CdaNodes.path(allergyObservations.get(0), "participant", "participantRole", "playingEntity", "code");
        assertCode(agent, ATC, "N02BE01");
        assertTranslation(agent, CIS, "60234100");
        // Both medicines, by active ingredient (ATC) with the CIS product code as translation.
        List<Element> medications = entries(root, "1.3.6.1.4.1.12559.11.10.1.3.1.3.4");
        assertThat(medications).hasSize(2);
        Element clopidogrel = CdaNodes.descendants(medications.get(0), "generalizedMaterialKind").get(0);
        assertCode(CdaNodes.child(clopidogrel, "code"), ATC, "B01AC04");
        assertTranslation(CdaNodes.child(clopidogrel, "code"), CIS, "63564053");
        // The VSM gives no strength: no eHDSI PS ingredient (which must state one) is made up.
        assertThat(CdaNodes.descendants(medications.get(0), "ingredient")).isEmpty();
        // Problems: CIM-10 becomes the eHDSI ICD-10 system, the French code kept.
        List<Element> problems = entries(root, "1.3.6.1.4.1.12559.11.10.1.3.1.3.7");
        assertThat(problems).hasSize(4);
        assertCode(CdaNodes.child(problems.get(0), "value"), "1.3.6.1.4.1.12559.11.10.1.3.1.44.2", "G45.9");

        assertThat(PivotSchema.errors(out.document())).isEmpty();
        // The CCAM procedure becomes its SNOMED CT act (demo map), the CCAM code kept as translation.
        Element procedure = entries(root, "1.3.6.1.4.1.12559.11.10.1.3.1.3.26").get(0);
        assertCode(CdaNodes.child(procedure, "code"), "2.16.840.1.113883.6.96", "429639007");
        assertTranslation(CdaNodes.child(procedure, "code"), "1.2.250.1.215.300.1", "DDAF004");
        // Header codes of value sets MVC 8.1.0 lacks (confidentiality, gender) validate against the supplement.
        assertThat(out.report().mapped()).anySatisfy(m -> assertThat(m.valueSet()).isEqualTo("1.3.6.1.4.1.12559.11.10.1.3.1.42.34"));
        // Every clinical code of the VSM sample reaches the MVC; the only codes outside it are the LOINC codes of
        // the two sections eHDSI has no template for (occupational risk factors, family history), carried with
        // their narrative.
        assertThat(out.report().unmapped()).extracting(UnmappedCode::code).containsExactlyInAnyOrder("10161-8", "10157-6");
        assertThat(out.report().unmapped()).allSatisfy(u -> assertThat(u.valueSet()).isEqualTo("1.3.6.1.4.1.12559.11.10.1.3.1.42.26"));
        assertThat(out.levelOne()).isEmpty();
    }

    @Test
    void ipsFrBecomesAPatientSummaryAndItsPdfTheLevelOneDocumentUnchanged() throws Exception {
        byte[] source = SharedSamples.bytes(SharedSamples.IPS_FR);
        Translated out = translated(translator.toPivot(source, null));
        Document pivot = HardenedXml.parse(out.document().getBytes(StandardCharsets.UTF_8));

        assertThat(entries(pivot.getDocumentElement(), "1.3.6.1.4.1.12559.11.10.1.3.1.3.17")).hasSize(1);
        assertThat(entries(pivot.getDocumentElement(), "1.3.6.1.4.1.12559.11.10.1.3.1.3.19")).hasSize(2);
        Element vaccine = CdaNodes.descendants(entries(pivot.getDocumentElement(), "1.3.6.1.4.1.12559.11.10.1.3.1.3.19").get(0),
                "manufacturedMaterial").get(0);
        assertCode(CdaNodes.child(vaccine, "code"), ATC, "J07CA01");
        assertThat(PivotSchema.errors(out.document())).isEmpty();
        // Nothing is dropped silently: a French code reviewed without eHDSI equivalent is reported with its XPath.
        UnmappedCode other = out.report().unmapped().stream().filter(u -> "GEN-092.04.13".equals(u.code()))
                .findFirst().orElseThrow();
        assertThat(other.sourceXpath()).startsWith("/ClinicalDocument/component/structuredBody/").endsWith("/procedure/code");
        assertThat(other.valueSet()).isEqualTo("1.3.6.1.4.1.12559.11.10.1.3.1.42.10");

        assertThat(out.levelOne()).isPresent();
        Document l1 = HardenedXml.parse(out.levelOne().get().getBytes(StandardCharsets.UTF_8));
        Element text = CdaNodes.path(l1.getDocumentElement(), "component", "nonXMLBody", "text");
        assertThat(CdaNodes.attr(text, "mediaType")).isEqualTo("application/pdf");
        String sourceText = new String(source, StandardCharsets.UTF_8);
        assertThat(sourceText).contains(text.getTextContent().substring(0, 2000));
        assertThat(text.getTextContent()).startsWith("JVBERi0");
        assertThat(PivotSchema.errors(out.levelOne().get())).isEmpty();
    }

    @Test
    void aSummaryWithoutItsAllergySectionIsRefusedNotPresentedAsComplete() {
        String vsm = new String(SharedSamples.bytes(SharedSamples.VSM), StandardCharsets.UTF_8)
                .replace("code=\"48765-2\"", "code=\"99999-9\"");
        TranslationOutcome out = translator.toPivot(vsm.getBytes(StandardCharsets.UTF_8), null);
        assertThat(out).isInstanceOf(TranslationOutcome.Rejected.class);
        TranslationFailure failure = ((TranslationOutcome.Rejected) out).failure();
        assertThat(failure).isInstanceOf(TranslationFailure.MissingMandatorySection.class);
        assertThat(((TranslationFailure.MissingMandatorySection) failure).sectionCode()).isEqualTo("48765-2");
    }

    static Translated translated(TranslationOutcome outcome) {
        assertThat(outcome).isInstanceOf(Translated.class);
        return (Translated) outcome;
    }

    static List<Element> entries(Element root, String template) {
        return CdaNodes.descendants(root, "templateId").stream()
                .filter(t -> template.equals(t.getAttribute("root")))
                .map(t -> (Element) t.getParentNode())
                .toList();
    }

    static void assertCode(Element coded, String system, String code) {
        assertThat(coded).as("coded element").isNotNull();
        assertThat(coded.getAttribute("codeSystem")).isEqualTo(system);
        assertThat(coded.getAttribute("code")).isEqualTo(code);
    }

    static void assertTranslation(Element coded, String system, String code) {
        assertThat(CdaNodes.children(coded, "translation"))
                .anySatisfy(t -> {
                    assertThat(t.getAttribute("codeSystem")).isEqualTo(system);
                    assertThat(t.getAttribute("code")).isEqualTo(code);
                });
    }
}

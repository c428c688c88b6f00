package fr.passerelle.translation.ehdsi;

import static fr.passerelle.translation.ehdsi.PatientSummaryPivotTest.assertCode;
import static fr.passerelle.translation.ehdsi.PatientSummaryPivotTest.assertTranslation;
import static fr.passerelle.translation.ehdsi.PatientSummaryPivotTest.entries;
import static fr.passerelle.translation.ehdsi.PatientSummaryPivotTest.translated;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome.Translated;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.terminology.xml.HardenedXml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class PrescriptionPivotTest {

    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    @Test
    void eachMedicineOfTheFrenchPrescriptionBecomesOneEhdsiPrescriptionEntry() throws Exception {
        Translated out = translated(translator.toPivot(SharedSamples.bytes(SharedSamples.EP), null));
        Element root = HardenedXml.parse(out.document().getBytes(StandardCharsets.UTF_8)).getDocumentElement();

        assertThat(CdaNodes.attr(CdaNodes.child(root, "templateId"), "root")).isEqualTo("1.3.6.1.4.1.12559.11.10.1.3.1.1.1");
        List<Element> lines = entries(root, "1.3.6.1.4.1.12559.11.10.1.3.1.3.2");
        assertThat(lines).hasSize(2);

        Element paracetamol = lines.get(0);
        Element material = CdaNodes.path(paracetamol, "consumable", "manufacturedProduct", "manufacturedMaterial");
        // ATC N02BE01 with the CIS code as translation, EDQM dose form, strength 500 mg.
        Element atc = CdaNodes.path(material, "asSpecializedKind", "generalizedMaterialKind", "code");
        assertCode(atc, "2.16.840.1.113883.6.73", "N02BE01");
        assertTranslation(atc, "1.2.250.1.213.2.3.1", "63107752");
        assertCode(CdaNodes.child(material, "formCode"), "0.4.0.127.0.16.1.1.2.1", "10219000");
        Element ingredient = CdaNodes.child(material, "ingredient");
        assertCode(CdaNodes.path(ingredient, "ingredientSubstance", "code"), "2.16.840.1.113883.6.73", "N02BE01");
        assertThat(CdaNodes.path(ingredient, "quantity", "numerator").getAttribute("value")).isEqualTo("500");
        assertThat(CdaNodes.path(ingredient, "quantity", "numerator").getAttribute("unit")).isEqualTo("mg");
        // Posology: both phases structured (every 8 h for 2 days, then every 12 h for 4 days) and in the narrative;
        // renewals; substitution refused by the French prescriber.
        Element frequency = CdaNodes.children(paracetamol, "effectiveTime").get(1);
        assertThat(frequency.getAttributeNS(CdaNodes.XSI, "type")).isEqualTo("SXPR_TS");
        assertThat(CdaNodes.descendants(frequency, "period")).extracting(p -> p.getAttribute("value") + " " + p.getAttribute("unit"))
                .containsExactly("8 h", "12 h");
        assertThat(CdaNodes.descendants(frequency, "width")).extracting(w -> w.getAttribute("value") + " " + w.getAttribute("unit"))
                .containsExactly("2 d", "4 d");
        String posology = referenced(root, CdaNodes.path(paracetamol, "text", "reference"));
        assertThat(posology).contains("Phase 1", "every 8 h", "Phase 2", "every 12 h", "At most 4 per 1 d",
                "3 fois/j à partir du 01/12/2023 pendant 2 jours");
        assertThat(CdaNodes.attr(CdaNodes.child(paracetamol, "repeatNumber"), "value")).isEqualTo("3");
        Element substitution = CdaNodes.descendants(paracetamol, "observation").stream()
                .filter(o -> "SUBST".equals(CdaNodes.attr(CdaNodes.child(o, "code"), "code"))).findFirst().orElseThrow();
        assertThat(CdaNodes.attr(CdaNodes.child(substitution, "value"), "code")).isEqualTo("N");

        assertThat(PivotSchema.errors(out.document())).isEmpty();
    }

    /** The narrative text a {@code <reference value="#id"/>} points at, in the same pivot document. */
    static String referenced(Element root, Element reference) {
        assertThat(reference).as("text/reference").isNotNull();
        String id = reference.getAttribute("value").substring(1);
        return CdaNodes.descendants(root, "content").stream().filter(c -> id.equals(c.getAttribute("ID")))
                .map(CdaNodes::text).findFirst().orElseThrow(() -> new AssertionError("no narrative element " + id));
    }

    @Test
    void theCompoundedOintmentIsCarriedAndItsUnmappedDoseFormReported() {
        Translated out = translated(translator.toPivot(SharedSamples.bytes(SharedSamples.EP), null));
        assertThat(out.report().unmapped()).anySatisfy(u -> {
            assertThat(u.code()).isEqualTo("50015000");
            assertThat(u.sourceXpath()).endsWith("/manufacturedMaterial/formCode");
        });
    }
    /** A device supply without its mood is neither a use nor a prescription: both outputs report it, neither guesses. */
    @Test
    void aDeviceSupplyWithoutItsMoodIsReportedNotCarriedByBothOutputs() {
        String ep = new String(SharedSamples.bytes(SharedSamples.EP), StandardCharsets.UTF_8);
        int device = ep.indexOf("<supply classCode=\"SPLY\" moodCode=\"INT\">");
        assertThat(device).isPositive();
        byte[] moodless = (ep.substring(0, device) + "<supply classCode=\"SPLY\">"
                + ep.substring(device + "<supply classCode=\"SPLY\" moodCode=\"INT\">".length()))
                .getBytes(StandardCharsets.UTF_8);
        for (var out : List.of(translator.toPivot(moodless, null), translator.toFhirMpd(moodless, null))) {
            assertThat(translated(out).report().notCarried()).anySatisfy(n -> {
                assertThat(n.sourceXpath()).endsWith("/supply");
                assertThat(n.statement()).contains("supply statement", "medical device");
            });
        }
    }
}

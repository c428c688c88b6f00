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
import fr.passerelle.translation.cda.HardenedXml;
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
        // Posology: structured (period) and narrative; renewals; substitution refused by the French prescriber.
        assertThat(CdaNodes.children(paracetamol, "effectiveTime")).anySatisfy(t ->
                assertThat(CdaNodes.child(t, "period")).isNotNull());
        assertThat(CdaNodes.text(CdaNodes.child(paracetamol, "text"))).isNotBlank();
        assertThat(CdaNodes.attr(CdaNodes.child(paracetamol, "repeatNumber"), "value")).isEqualTo("3");
        Element substitution = CdaNodes.descendants(paracetamol, "observation").stream()
                .filter(o -> "SUBST".equals(CdaNodes.attr(CdaNodes.child(o, "code"), "code"))).findFirst().orElseThrow();
        assertThat(CdaNodes.attr(CdaNodes.child(substitution, "value"), "code")).isEqualTo("N");

        assertThat(PivotSchema.errors(out.document())).isEmpty();
    }

    @Test
    void theCompoundedOintmentIsCarriedAndItsUnmappedDoseFormReported() {
        Translated out = translated(translator.toPivot(SharedSamples.bytes(SharedSamples.EP), null));
        assertThat(out.report().unmapped()).anySatisfy(u -> {
            assertThat(u.code()).isEqualTo("50015000");
            assertThat(u.sourceXpath()).endsWith("/manufacturedMaterial/formCode");
        });
    }
}

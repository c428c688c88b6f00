package fr.passerelle.translation.ehdsi;

import static fr.passerelle.translation.ehdsi.PatientSummaryPivotTest.entries;
import static fr.passerelle.translation.ehdsi.PatientSummaryPivotTest.translated;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome.Translated;
import fr.passerelle.translation.TranslationReport.MappedCode;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.terminology.xml.HardenedXml;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What the PivotTranscoder writes for a code the eHDSI value set does not hold, and what the report says of a
 * pivot code broader than the French one.
 */
class PivotTranscodingTest {

    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    @Test
    void aCodeOutsideTheValueSetIsWrittenAsEhdsiAsksNullFlavourTranslationAndOriginalText() throws Exception {
        Translated out = translated(translator.toPivot(SharedSamples.bytes(SharedSamples.EP), null));
        Element root = HardenedXml.parse(out.document().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        // the compounded ointment's EDQM 50015000 is not in eHDSIDoseForm 8.1.0
        Element form = entries(root, "1.3.6.1.4.1.12559.11.10.1.3.1.3.2").stream()
                .map(line -> CdaNodes.child(CdaNodes.path(line, "consumable", "manufacturedProduct",
                        "manufacturedMaterial"), "formCode"))
                .filter(f -> f != null && "OTH".equals(f.getAttribute("nullFlavor"))).findFirst().orElseThrow();
        assertThat(form.hasAttribute("code")).isFalse();
        assertThat(form.hasAttribute("codeSystem")).isFalse();
        Element translation = CdaNodes.child(form, "translation");
        assertThat(translation.getAttribute("code")).isEqualTo("50015000");
        assertThat(translation.getAttribute("codeSystem")).isEqualTo("0.4.0.127.0.16.1.1.2.1");
        Element originalText = CdaNodes.child(form, "originalText");
        assertThat(CdaNodes.text(originalText)).isEqualToIgnoringCase("pommade pour application cutanée et nasale");
        // CD content order: originalText before translation
        assertThat(form.getFirstChild()).isNotNull();
        assertThat(CdaNodes.children(form, "originalText").get(0).compareDocumentPosition(translation)
                & org.w3c.dom.Node.DOCUMENT_POSITION_FOLLOWING).isNotZero();
        assertThat(PivotSchema.errors(out.document())).isEmpty();
        assertThat(out.report().unmapped()).anySatisfy(u -> assertThat(u.code()).isEqualTo("50015000"));
    }

    @Test
    void theReportSaysWhenThePivotIsBroaderThanTheFrenchCode() {
        Translated out = translated(translator.toPivot(SharedSamples.bytes(SharedSamples.EP), null));
        MappedCode cis = out.report().mapped().stream().filter(m -> "63107752".equals(m.fromCode())).findFirst()
                .orElseThrow();
        assertThat(cis.toCode()).isEqualTo("N02BE01");
        assertThat(cis.equivalence()).isEqualTo("wider");
        assertThat(cis.broader()).isTrue();
        assertThat(cis.provenance()).isNotBlank();
        assertThat(out.report().toText()).contains("1.2.250.1.213.2.3.1|63107752 -> 2.16.840.1.113883.6.73|N02BE01")
                .contains("(wider: the pivot concept is broader than the source; ");
        MappedCode route = out.report().mapped().stream().filter(m -> "20053000".equals(m.fromCode())).findFirst()
                .orElseThrow();
        assertThat(route.equivalence()).isEqualTo("equal");
        assertThat(route.broader()).isFalse();
    }

    @Test
    void theDrugAllergyOfTheSummaryIsReportedAsBroaderAllergicDisposition() {
        Translated out = translated(translator.toPivot(SharedSamples.bytes(SharedSamples.IPS_FR), null));
        assertThat(out.report().mapped()).filteredOn(m -> "416098002".equals(m.fromCode())).isNotEmpty()
                .allSatisfy(m -> {
                    assertThat(m.toCode()).isEqualTo("609328004");
                    assertThat(m.broader()).isTrue();
                });
    }
}

package fr.passerelle.translation.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.Test;

class MpdTest {

    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    private String json() {
        TranslationOutcome out = translator.toFhirMpd(SharedSamples.bytes(SharedSamples.EP), null);
        assertThat(out).isInstanceOf(TranslationOutcome.Translated.class);
        return ((TranslationOutcome.Translated) out).document();
    }

    @Test
    void eachPrescriptionLineBecomesAMedicationRequestWithItsMedication() {
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json());

        List<MedicationRequest> requests = IpsBundleTest.resources(bundle, MedicationRequest.class);
        assertThat(requests).hasSize(2);
        MedicationRequest paracetamol = requests.get(0);
        assertThat(paracetamol.getIntent()).isEqualTo(MedicationRequest.MedicationRequestIntent.ORDER);
        assertThat(paracetamol.getSubstitution().getAllowedBooleanType().booleanValue()).isFalse();
        assertThat(paracetamol.getDispenseRequest().getNumberOfRepeatsAllowed()).isEqualTo(3);
        assertThat(paracetamol.getDosageInstruction()).hasSizeGreaterThan(1);
        assertThat(paracetamol.getDosageInstructionFirstRep().getTiming().getRepeat().getPeriodUnit().toCode()).isEqualTo("h");

        String medicationUrl = paracetamol.getMedicationReference().getReference();
        Medication medication = bundle.getEntry().stream().filter(e -> e.getFullUrl().equals(medicationUrl))
                .map(e -> (Medication) e.getResource()).findFirst().orElseThrow();
        assertThat(medication.getCode().getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode())
                .startsWith("http://www.whocc.no/atc|N02BE01")
                .contains("urn:oid:1.2.250.1.213.2.3.1|63107752");
        assertThat(medication.getForm().getCodingFirstRep().getSystem()).isEqualTo("http://standardterms.edqm.eu");
        assertThat(medication.getForm().getCodingFirstRep().getCode()).isEqualTo("10219000");
        assertThat(medication.getIngredientFirstRep().getStrength().getNumerator().getValue().intValue()).isEqualTo(500);
        assertThat(medication.getIngredientFirstRep().getItemCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("N02BE01");
    }

    @Test
    void theMpdBundleHasNoValidationErrorAgainstCoreR4() throws Exception {
        assertThat(IpsValidator.errors(json())).extracting(m -> m.getLocationString() + " " + m.getMessage()).isEmpty();
    }
}

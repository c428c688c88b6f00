package fr.passerelle.translation.fhir;

import static fr.passerelle.translation.fhir.IpsBundleTest.resources;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.EpVariants;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DeviceRequest;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;

/**
 * The French posology in FHIR: one {@code dosageInstruction} per phase (sequence, timing with its bounds, dose,
 * maximum per period), free text and patient instructions as text, and the rest of the prescription line (reasons,
 * quantity to dispense with its unit, substitution and why, dispenser instructions, qualifiers), the device line
 * and the pregnancy status and vital signs, for the MPD and for the IPS MedicationStatement.
 */
class MpdPosologyTest {

    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    private String json(byte[] cda) {
        TranslationOutcome out = translator.toFhirMpd(cda, null);
        assertThat(out).isInstanceOf(TranslationOutcome.Translated.class);
        return ((TranslationOutcome.Translated) out).document();
    }

    private Bundle mpd(byte[] cda) {
        return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json(cda));
    }

    @Test
    void theSampleParacetamolHasBothPhasesWithTheirDurationsAndTheMaximumPerDay() {
        MedicationRequest paracetamol = resources(mpd(SharedSamples.bytes(SharedSamples.EP)), MedicationRequest.class).get(0);
        List<Dosage> phases = paracetamol.getDosageInstruction();
        assertThat(phases).extracting(Dosage::getSequence).containsExactly(1, 2);
        assertThat(phases).extracting(d -> ((Duration) d.getTiming().getRepeat().getBounds()).getValue().intValue())
                .containsExactly(2, 4);
        assertThat(phases).extracting(d -> d.getTiming().getRepeat().getPeriod().intValue()).containsExactly(8, 12);
        assertThat(phases).allSatisfy(d -> {
            assertThat(d.getMaxDosePerPeriod().getNumerator().getValue().intValue()).isEqualTo(4);
            assertThat(d.getMaxDosePerPeriod().getDenominator().getCode()).isEqualTo("d");
            assertThat(d.getPatientInstruction()).isEqualTo("A prendre au cours d'un repas");
            assertThat(d.getDoseAndRateFirstRep().getDoseQuantity().getCode()).isEqualTo("{tablet}");
        });
        assertThat(phases.get(0).getDoseAndRateFirstRep().getRateRange().getHigh().getValue().intValue()).isEqualTo(3000);
        // The phase's own words, not the medicine's name.
        assertThat(phases.get(0).getText()).contains("3 fois/j à partir du 01/12/2023 pendant 2 jours")
                .doesNotContain("PARACETAMOL");
        Quantity toDispense = paracetamol.getDispenseRequest().getQuantity();
        assertThat(toDispense.getValue().intValue()).isEqualTo(2);
        assertThat(toDispense.getSystem()).isEqualTo("http://standardterms.edqm.eu");
        assertThat(toDispense.getCode()).isEqualTo("30009000");
        assertThat(toDispense.getUnit()).isEqualTo("Box");
        assertThat(paracetamol.getSubstitution().getReason().getText()).isEqualTo("Non (Marge thérapeutique étroite)");
        assertThat(paracetamol.getNote()).anySatisfy(n -> assertThat(n.getText()).contains("Hors Autorisation de Mise sur le Marché (AMM): no"));
        assertThat(paracetamol.getNote()).anySatisfy(n -> assertThat(n.getText()).isEqualTo("Prescriber's comment: (texte libre)"));
        TranslationOutcome.Translated out = (TranslationOutcome.Translated) translator.toFhirMpd(
                SharedSamples.bytes(SharedSamples.EP), null);
        assertThat(out.report().notCarried()).anySatisfy(n -> assertThat(n.statement()).startsWith("section 57723-9"));
    }

    @Test
    void differentDosesPerPhaseReasonAndDispenserInstructions() {
        MedicationRequest request = resources(mpd(EpVariants.bytes(EpVariants.MULTIPHASE)), MedicationRequest.class).get(0);
        assertThat(request.getDosageInstruction()).extracting(d -> d.getDoseAndRateFirstRep().getDoseQuantity().getValue().intValue())
                .containsExactly(2, 1);
        assertThat(request.getDosageInstruction()).extracting(Dosage::getText).containsExactly(
                "2 comprimés toutes les 8 heures pendant 2 jours", "puis 1 comprimé toutes les 12 heures pendant 4 jours");
        assertThat(request.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("G44.2");
        assertThat(request.getReasonCodeFirstRep().getText()).isEqualTo("Céphalée de tension");
        assertThat(request.getNote()).anySatisfy(n -> assertThat(n.getText()).isEqualTo(
                "Instructions to the dispenser: délivrer en boîtes de 16"));
    }

    @Test
    void aFreeTextPosologyIsTheDosageTextAndThePatientInstructionItsOwn() {
        MedicationRequest request = resources(mpd(EpVariants.bytes(EpVariants.FREE_TEXT)), MedicationRequest.class).get(0);
        assertThat(request.getDosageInstruction()).singleElement().satisfies(d -> {
            assertThat(d.getText()).contains("1 à 2 comprimés 3 fois/j pendant 7 jours");
            assertThat(d.getPatientInstruction()).isEqualTo("à prendre au cours d'un repas");
            assertThat(d.hasTiming()).isFalse();
            assertThat(d.hasDoseAndRate()).isFalse();
        });
    }

    @Test
    void repeatedIdsDeviceEventsAndTheClinicalContext() throws Exception {
        Bundle bundle = mpd(EpVariants.bytes(EpVariants.IDS_DEVICE_CONTEXT));
        List<MedicationRequest> requests = resources(bundle, MedicationRequest.class);
        assertThat(requests).extracting(r -> r.getIdentifierFirstRep().getSystem() + "|" + r.getIdentifierFirstRep().getValue())
                .doesNotHaveDuplicates();
        // "Once a day" (24 h, institution specified) and "before breakfast".
        Timing.TimingRepeatComponent daily = requests.get(0).getDosageInstructionFirstRep().getTiming().getRepeat();
        assertThat(daily.getFrequency()).isEqualTo(1);
        assertThat(daily.getPeriodUnit()).isEqualTo(Timing.UnitsOfTime.D);
        assertThat(requests.get(1).getDosageInstructionFirstRep().getTiming().getRepeat().getWhen())
                .extracting(w -> w.getValue().toCode()).containsExactly("ACM");
        List<Observation> context = resources(bundle, Observation.class);
        assertThat(context).extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("11449-6", "29463-7", "8302-2");
        assertThat(requests).allSatisfy(r -> assertThat(r.getSupportingInformation()).hasSize(3));
        assertThat(resources(bundle, DeviceRequest.class)).singleElement().satisfies(d -> {
            assertThat(d.getCodeCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("V0806");
            assertThat(d.getParameter()).anySatisfy(p -> assertThat(p.getCode().getText()).isEqualTo("rental duration"));
        });
        assertThat(IpsValidator.errors(json(EpVariants.bytes(EpVariants.IDS_DEVICE_CONTEXT))))
                .extracting(m -> m.getLocationString() + " " + m.getMessage()).isEmpty();
    }

    @Test
    void everyVariantIsValidCoreR4() throws Exception {
        for (String variant : List.of(EpVariants.MULTIPHASE, EpVariants.FREE_TEXT)) {
            assertThat(IpsValidator.errors(json(EpVariants.bytes(variant))))
                    .as(variant).extracting(m -> m.getLocationString() + " " + m.getMessage()).isEmpty();
        }
    }

    @Test
    void theIpsMedicationStatementCarriesTheSamePosologyAndItsReason() {
        TranslationOutcome out = translator.toFhirIps(SharedSamples.bytes(SharedSamples.VSM), null);
        Bundle ips = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class,
                ((TranslationOutcome.Translated) out).document());
        MedicationStatement plavix = resources(ips, MedicationStatement.class).get(0);
        Dosage dosage = plavix.getDosageFirstRep();
        assertThat(dosage.getTiming().getRepeat().getPeriodUnit()).isEqualTo(Timing.UnitsOfTime.D);
        Object dose = dosage.getDoseAndRateFirstRep().getDose();
        assertThat(dose instanceof Range ? ((Range) dose).getLow().getValue() : ((Quantity) dose).getValue())
                .isEqualByComparingTo("2");
        assertThat(plavix.getReasonCode()).anySatisfy(r -> assertThat(r.getCoding()).anySatisfy(c ->
                assertThat(c.getCode()).isEqualTo("I20.0")));
    }
}

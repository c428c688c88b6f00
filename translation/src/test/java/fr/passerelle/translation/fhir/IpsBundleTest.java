package fr.passerelle.translation.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpsBundleTest {

    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    @ParameterizedTest
    @ValueSource(strings = {"VSM_1.4_2022.01.xml", "IPS-FR_2024.01.xml"})
    void aFrenchSummaryBecomesAnIpsDocumentBundle(String sample) throws Exception {
        String json = json(SharedSamples.FR_CDA.resolve(sample));
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(bundle.getEntryFirstRep().getResource()).isInstanceOf(Composition.class);
        Composition composition = (Composition) bundle.getEntryFirstRep().getResource();
        assertThat(composition.getType().getCodingFirstRep().getCode()).isEqualTo("60591-5");
        // Every reference resolves inside the Bundle.
        Set<String> fullUrls = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).collect(Collectors.toSet());
        Set<String> references = new HashSet<>();
        references.add(composition.getSubject().getReference());
        composition.getSection().forEach(s -> s.getEntry().stream().map(Reference::getReference).forEach(references::add));
        assertThat(fullUrls).containsAll(references);

        List<AllergyIntolerance> allergies = resources(bundle, AllergyIntolerance.class);
        assertThat(allergies).hasSize(1);
        assertThat(allergies.get(0).getCode().getCoding()).anySatisfy(c -> {
            assertThat(c.getSystem()).isEqualTo("http://www.whocc.no/atc");
            assertThat(c.getCode()).isEqualTo("N02BE01");
        });
        assertThat(resources(bundle, MedicationStatement.class)).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getMedicationCodeableConcept().getCodingFirstRep().getSystem())
                        .isEqualTo("http://www.whocc.no/atc"));
    }

    @org.junit.jupiter.api.Test
    void vitalSignsResultsSocialHistoryAndPregnancyBecomeObservationsOfTheirSections() throws Exception {
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json(SharedSamples.IPS_FR));
        Composition composition = (Composition) bundle.getEntryFirstRep().getResource();
        java.util.Map<String, org.hl7.fhir.r4.model.Resource> byUrl = bundle.getEntry().stream().collect(
                Collectors.toMap(Bundle.BundleEntryComponent::getFullUrl, Bundle.BundleEntryComponent::getResource));
        java.util.function.Function<String, List<org.hl7.fhir.r4.model.Observation>> section = loinc -> composition
                .getSection().stream().filter(s -> s.getCode().getCodingFirstRep().getCode().equals(loinc))
                .findFirst().orElseThrow(() -> new AssertionError("no section " + loinc)).getEntry().stream()
                .map(r -> (org.hl7.fhir.r4.model.Observation) byUrl.get(r.getReference())).toList();

        // Vital signs: weight in kg (UCUM), claiming the core vital-signs profile the IPS section slices on.
        assertThat(section.apply("8716-3")).anySatisfy(o -> {
            assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("29463-7");
            assertThat(o.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
            assertThat(o.getValueQuantity().getCode()).isEqualTo("kg");
            assertThat(o.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
            assertThat(o.getMeta().getProfile()).extracting(p -> p.getValue())
                    .contains("http://hl7.org/fhir/StructureDefinition/vitalsigns");
        });
        // Social history: the LOINC code kept, with its eHDSISocialHistory pivot coding.
        assertThat(section.apply("29762-2")).anySatisfy(o -> assertThat(o.getCode().getCoding())
                .extracting(c -> c.getSystem() + "|" + c.getCode())
                .contains("http://loinc.org|72166-2", "http://snomed.info/sct|229819007"));
        // Pregnancy: the estimated delivery date observation.
        assertThat(section.apply("10162-6")).anySatisfy(o -> assertThat(o.getCode().getCodingFirstRep().getCode())
                .isEqualTo("11778-8"));
        assertThat(section.apply("30954-2")).isNotEmpty().allSatisfy(o -> assertThat(o.getStatus())
                .isEqualTo(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"VSM_1.4_2022.01.xml", "IPS-FR_2024.01.xml"})
    void theIpsBundleHasNoValidationErrorAgainstIps200(String sample) throws Exception {
        List<SingleValidationMessage> errors = IpsValidator.errors(json(SharedSamples.FR_CDA.resolve(sample)));
        assertThat(errors).extracting(m -> m.getLocationString() + " " + m.getMessage()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theValidatorDoesCatchAnIpsViolation() throws Exception {
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class,
                json(SharedSamples.VSM));
        // An IPS Composition must have a subject; taking it away must be reported, or the check proves nothing.
        ((Composition) bundle.getEntryFirstRep().getResource()).setSubject(null);
        String broken = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
        assertThat(IpsValidator.errors(broken)).isNotEmpty();
    }

    private String json(Path sample) {
        TranslationOutcome out = translator.toFhirIps(SharedSamples.bytes(sample), null);
        assertThat(out).isInstanceOf(TranslationOutcome.Translated.class);
        return ((TranslationOutcome.Translated) out).document();
    }

    static <T> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }
}

package fr.passerelle.translation.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.fr.EdispMedTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * The crashes {@link MutatedDocumentsTest} found (and the two issue 16 names), each reproduced on a sample with the
 * one change that made a writer throw, and what the output does instead: a value that is not what its HL7 type
 * allows is carried as written where the output has text, left out of structured values (never guessed), and
 * reported with its XPath.
 */
class IrregularValuesTest {

    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    private static String sample(Path p) {
        return new String(SharedSamples.bytes(p), StandardCharsets.UTF_8);
    }

    private static TranslationOutcome.Translated translated(TranslationOutcome outcome) {
        assertThat(outcome).isInstanceOf(TranslationOutcome.Translated.class);
        return (TranslationOutcome.Translated) outcome;
    }

    private static Bundle bundle(TranslationOutcome.Translated t) {
        return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, t.document());
    }

    private static List<Observation> observations(Bundle b) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast).toList();
    }

    /** The VSM's one PQ observation (the tobacco consumption of its social history), with its value rewritten. */
    private static byte[] vsmWithQuantity(String replacement) {
        String vsm = sample(SharedSamples.VSM);
        String changed = vsm.replace("<value xsi:type=\"PQ\" value=\"25\" unit=\"{pack}/a\"/>", replacement);
        assertThat(changed).isNotEqualTo(vsm);
        return changed.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNullFlavoredQuantityIsAnObservationWithoutValueNotANullPointerException() {
        byte[] vsm = vsmWithQuantity("<value xsi:type=\"PQ\" nullFlavor=\"UNK\"/>");

        Bundle ips = bundle(translated(translator.toFhirIps(vsm, null)));
        assertThat(observations(ips)).anySatisfy(o -> {
            assertThat(o.hasValue()).isFalse();
            assertThat(o.getDataAbsentReason().getCodingFirstRep().getCode()).isEqualTo("unknown");
        });
        translated(translator.toPivot(vsm, null));
    }

    @Test
    void aDecimalCommaIsCarriedAsWrittenWhereTextIsAllowedAndReportedNeverGuessed() {
        byte[] vsm = vsmWithQuantity("<value xsi:type=\"PQ\" value=\"58,5\" unit=\"{pack}/a\"/>");

        TranslationOutcome.Translated fhir = translated(translator.toFhirIps(vsm, null));
        assertThat(observations(bundle(fhir))).anySatisfy(o -> {
            assertThat(o.getValue()).isInstanceOf(StringType.class);
            assertThat(((StringType) o.getValue()).getValue()).isEqualTo("58,5 {pack}/a");
        });
        assertThat(fhir.document()).doesNotContain("58.5");
        assertReported(fhir.report(), "/observation/value", "quantity value");

        TranslationOutcome.Translated pivot = translated(translator.toPivot(vsm, null));
        assertThat(pivot.document()).contains(">58,5 {pack}/a</value>").doesNotContain("58.5");
        assertReported(pivot.report(), "/observation/value", "quantity value");
    }

    @Test
    void aDoseOrStrengthWithADecimalCommaIsLeftOutOfTheStructuredDosageAndReported() {
        String ep = sample(SharedSamples.EP);
        String changed = ep.replaceFirst("<low value=\"1\" unit=\"\\{tablet\\}\">", "<low value=\"0,5\" unit=\"{tablet}\">")
                .replaceFirst("<numerator xsi:type=\"PQ\" value=\"500\" unit=\"mg\"/>",
                        "<numerator xsi:type=\"PQ\" value=\"500,0\" unit=\"mg\"/>");
        assertThat(changed).isNotEqualTo(ep);
        byte[] bytes = changed.getBytes(StandardCharsets.UTF_8);

        TranslationOutcome.Translated mpd = translated(translator.toFhirMpd(bytes, null));
        TranslationOutcome.Translated unchanged = translated(translator.toFhirMpd(ep.getBytes(StandardCharsets.UTF_8), null));
        // The phase whose dose is "0,5" loses its structured dose; every other phase keeps its own.
        assertThat(dosesIn(mpd)).isEqualTo(dosesIn(unchanged) - 1);
        assertThat(mpd.document()).doesNotContain("0.5");
        assertReported(mpd.report(), "/doseQuantity/low", "quantity value");
        assertReported(mpd.report(), "/numerator", "quantity value");

        TranslationOutcome.Translated pivot = translated(translator.toPivot(bytes, null));
        assertThat(pivot.document()).contains("nullFlavor=\"OTH\"").doesNotContain("value=\"0,5\"");
        assertReported(pivot.report(), "/doseQuantity/low", "quantity value");
    }

    @Test
    void aDispenseQuantityOrRenewalCountThatIsNoNumberIsReported() {
        String ep = sample(SharedSamples.EP);
        String changed = ep.replaceFirst("<repeatNumber value=\"3\"/>", "<repeatNumber value=\"trois\"/>");
        assertThat(changed).isNotEqualTo(ep);

        TranslationOutcome.Translated mpd = translated(translator.toFhirMpd(changed.getBytes(StandardCharsets.UTF_8), null));
        assertReported(mpd.report(), "/repeatNumber", "number of renewals");
        assertThat(bundle(mpd).getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(MedicationRequest.class::isInstance).map(MedicationRequest.class::cast).findFirst().orElseThrow()
                .getDispenseRequest().hasNumberOfRepeatsAllowed()).isFalse();
    }

    @Test
    void anObservationIntegerTooLargeForAnIntIsAQuantityNotANumberFormatException() {
        byte[] vsm = vsmWithQuantity("<value xsi:type=\"INT\" value=\"99999999999\"/>");

        TranslationOutcome.Translated fhir = translated(translator.toFhirIps(vsm, null));
        assertThat(fhir.document()).contains("99999999999");
        assertThat(translated(translator.toPivot(vsm, null)).document()).contains("value=\"99999999999\"");
    }

    @Test
    void aConfidentialityCodeOutsideHl7IsReportedNotThrown() {
        String vsm = sample(SharedSamples.VSM).replaceFirst("<confidentialityCode code=\"N\"", "<confidentialityCode code=\"X\"");

        TranslationOutcome.Translated fhir = translated(translator.toFhirIps(vsm.getBytes(StandardCharsets.UTF_8), null));
        assertThat(fhir.report().notCarried()).anySatisfy(n -> {
            assertThat(n.sourceXpath()).isEqualTo("/ClinicalDocument/confidentialityCode");
            assertThat(n.statement()).isEqualTo("document confidentiality");
        });
    }

    @Test
    void anIdentifierWithoutRootIsSkippedNotANullPointerException() {
        String dispensation = sample(SharedSamples.EDISP);
        String changed = dispensation.replace("<id root=\"1.2.250.1.213.1.1.1.39.1.1\"/>", "<id extension=\"x\"/>");
        assertThat(changed).isNotEqualTo(dispensation);

        // Not a format any output takes: rejected as such, not thrown.
        TranslationOutcome out = translator.toPivot(changed.getBytes(StandardCharsets.UTF_8), null);
        assertThat(out).isInstanceOf(TranslationOutcome.Rejected.class);
        assertThat(((TranslationOutcome.Rejected) out).failure()).isInstanceOf(TranslationFailure.UnknownFormat.class);
    }

    @Test
    void aServiceEventPerformerWithoutTypeCodeIsAPerformerNotANullPointerException() {
        String vsm = sample(SharedSamples.VSM);
        String changed = vsm.replaceFirst("(<serviceEvent[\\s\\S]*?<performer) typeCode=\"[A-Z]+\"", "$1");
        assertThat(changed).isNotEqualTo(vsm);

        assertThat(translated(translator.toPivot(changed.getBytes(StandardCharsets.UTF_8), null)).document())
                .contains("<performer typeCode=\"PRF\"");
    }

    @Test
    void jsonThatHapiCannotReadAsABundleIsNotWellFormedNotAnException() throws Exception {
        String json = EdispMedTest.fhirDispensation();
        for (String broken : List.of(json.replaceFirst("\"resource\"\\s*:\\s*\\{", "\"resource\": 42, \"x\": {"),
                json.replaceFirst("\"resourceType\"\\s*:\\s*\"Patient\"", "\"resourceType\": \"\""))) {
            assertThat(broken).isNotEqualTo(json);
            TranslationOutcome out = translator.medicationDispenseToEdispMed(broken);
            assertThat(out).isInstanceOf(TranslationOutcome.Rejected.class);
            assertThat(((TranslationOutcome.Rejected) out).failure()).isInstanceOf(TranslationFailure.NotWellFormed.class);
        }
    }

    private static void assertReported(TranslationReport report, String xpathEnd, String statement) {
        assertThat(report.notCarried()).anySatisfy(n -> {
            assertThat(n.sourceXpath()).contains(xpathEnd);
            assertThat(n.statement()).isEqualTo(statement);
            assertThat(n.reason()).contains("never guessed");
        });
    }

    /** How many dosage instructions of the MPD Bundle carry a structured dose. */
    private static long dosesIn(TranslationOutcome.Translated mpd) {
        return bundle(mpd).getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(MedicationRequest.class::isInstance).map(MedicationRequest.class::cast)
                .flatMap(r -> r.getDosageInstruction().stream())
                .filter(d -> d.getDoseAndRate().stream().anyMatch(dr -> dr.hasDose())).count();
    }
}

package fr.passerelle.translation.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.cda.CdaReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Specimen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CR-BIO lab reports into a FHIR document Bundle: the three ANS samples, then bad inputs one by one. */
class LabReportBundleTest {

    private static final DocumentTranslator TRANSLATOR = new DocumentTranslator(SharedSamples.terminology());
    private static final String TSH_VALUE = "<value xsi:type=\"PQ\" value=\"1.950\"\\s+unit=\"m\\[IU\\]/L\"/>";
    private static final String TSH_XPATH = "/ClinicalDocument/component/structuredBody/component[1]/section/component"
            + "/section/entry/act/entryRelationship[1]/observation";

    // ------------------------------------------------------------------ the samples

    @ParameterizedTest
    @ValueSource(strings = {"BIO-CR-BIO_2024.01_TSH_1.xml", "BIO-CR-BIO_2024.01_Microbiologie_V2.xml",
        "BIO-CR-BIO_2024.01_CR-2nde-intention-PDF.xml"})
    void everySampleIsADocumentBundleValidAgainstTheBaseSpecWhoseReferencesAllResolve(String sample) throws Exception {
        Result r = translate(SharedSamples.bytes(SharedSamples.FR_CDA_ORCD.resolve(sample)));
        Bundle bundle = r.bundle();
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        Composition composition = (Composition) bundle.getEntryFirstRep().getResource();
        assertThat(composition.getType().getCodingFirstRep().getCode()).isEqualTo("11502-2");
        Set<String> urls = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).collect(Collectors.toSet());
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            FhirContext.forR4Cached().newTerser().getAllPopulatedChildElementsOfType(e.getResource(), Reference.class)
                    .forEach(ref -> assertThat(urls).as("reference in " + e.getResource().fhirType())
                            .contains(ref.getReference()));
        }
        // The author and the custodian are there; the one DiagnosticReport lists every top-level result.
        assertThat(composition.getAuthorFirstRep().getReference()).isIn(urls);
        assertThat(composition.getCustodian().getReference()).isIn(urls);
        assertThat(resources(bundle, DiagnosticReport.class)).hasSize(1);
        DiagnosticReport report = resources(bundle, DiagnosticReport.class).get(0);
        assertThat(report.getResult()).isNotEmpty();
        // The report's own PDF copy (all three samples have one) is its presentedForm, bytes unchanged.
        assertThat(new String(report.getPresentedFormFirstRep().getData(), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        assertThat(IpsValidator.errors(r.json())).as("HAPI validator errors, base R4").isEmpty();
    }

    /**
     * No HL7 Europe Laboratory package is available offline; the IPS 2.0.0 profiles of the same resources are. The
     * Bundle does not declare them (it is not an IPS), but every resource meets them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"BIO-CR-BIO_2024.01_TSH_1.xml", "BIO-CR-BIO_2024.01_Microbiologie_V2.xml",
        "BIO-CR-BIO_2024.01_CR-2nde-intention-PDF.xml"})
    void everyResourceAlsoMeetsItsIpsProfile(String sample) throws Exception {
        Map<String, String> profiles = Map.of("Observation", "Observation-results-laboratory-pathology-uv-ips",
                "DiagnosticReport", "DiagnosticReport-uv-ips", "Specimen", "Specimen-uv-ips", "Patient", "Patient-uv-ips",
                "Organization", "Organization-uv-ips", "Practitioner", "Practitioner-uv-ips");
        Bundle bundle = translate(SharedSamples.bytes(SharedSamples.FR_CDA_ORCD.resolve(sample))).bundle();
        int checked = 0;
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            String profile = profiles.get(e.getResource().fhirType());
            if (profile != null) {
                String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(e.getResource());
                assertThat(IpsValidator.errors(json, "http://hl7.org/fhir/uv/ips/StructureDefinition/" + profile))
                        .as(e.getResource().fhirType() + " against " + profile).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(4);
    }

    @Test
    void tshReportCarriesEachResultWithCodeValueUnitRangeAndInterpretation() {
        Result r = translate(SharedSamples.bytes(SharedSamples.CR_BIO_TSH));
        List<Observation> results = resources(r.bundle(), Observation.class);
        assertThat(results).hasSize(2);
        Observation tsh = byLoinc(results, "3016-3");
        // The French LOINC display kept; the label the lab printed as text.
        assertThat(tsh.getCode().getCodingFirstRep().getDisplay()).startsWith("Thyréostimuline");
        assertThat(tsh.getCode().getText()).isEqualTo("Thyréostimuline (TSH)");
        assertThat(tsh.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        Quantity value = tsh.getValueQuantity();
        assertThat(value.getValueElement().getValueAsString()).isEqualTo("1.950");
        assertThat(value.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(value.getCode()).isEqualTo("m[IU]/L");
        assertThat(tsh.getReferenceRangeFirstRep().getLow().getValueElement().getValueAsString()).isEqualTo("0.270");
        assertThat(tsh.getReferenceRangeFirstRep().getHigh().getValueElement().getValueAsString()).isEqualTo("4.200");
        assertThat(tsh.getReferenceRangeFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("normal");
        assertThat(tsh.getInterpretationFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation");
        assertThat(tsh.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("N");
        assertThat(tsh.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2014-04-02T14:55:21+02:00");
        assertThat(byLoinc(results, "3024-7").getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("L");
        assertThat(r.report().notCarried()).isEmpty();
    }

    @Test
    void thePatientIsWrittenExactlyAsTheIpsWriterWritesIt() throws Exception {
        byte[] cda = SharedSamples.bytes(SharedSamples.CR_BIO_TSH);
        Patient expected = FhirHeader.patient(new CdaReader().read(cda).header().patient());
        Patient patient = resources(translate(cda).bundle(), Patient.class).get(0);
        assertThat(patient.getIdentifier()).hasSize(2);
        assertThat(patient.getIdentifier().get(0).getSystem()).isEqualTo("urn:oid:1.2.250.1.213.1.4.10");
        for (int i = 0; i < expected.getIdentifier().size(); i++) {
            assertThat(patient.getIdentifier().get(i).equalsDeep(expected.getIdentifier().get(i))).isTrue();
        }
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1979-03-28");
    }

    @Test
    void microbiologyBatteriesHaveMembersSpecimenAndValidatorAndIsolatesAreReportedNotGuessed() {
        Result r = translate(SharedSamples.bytes(SharedSamples.CR_BIO_MICROBIOLOGY));
        List<Observation> observations = resources(r.bundle(), Observation.class);
        Map<String, Resource> byUrl = byUrl(r.bundle());
        // Two batteries (macroscopy 2 results, microscopy 4) and their six results; no isolate result.
        List<Observation> batteries = observations.stream().filter(Observation::hasHasMember).toList();
        assertThat(batteries).extracting(b -> b.getHasMember().size()).containsExactly(2, 4);
        // The batteries have no time of their own; their results share one, which is theirs.
        assertThat(batteries).allSatisfy(b -> assertThat(b.getEffectiveDateTimeType().getValueAsString())
                .isEqualTo("2024-01-04T13:19:33+01:00"));
        assertThat(observations).hasSize(8);
        Observation colour = byLoinc(observations, "5778-6");
        assertThat(colour.getValueCodeableConcept().getText()).isEqualTo("paille");
        Specimen urine = (Specimen) byUrl.get(colour.getSpecimen().getReference());
        assertThat(urine.getType().getCodingFirstRep().getCode()).isEqualTo("UR");
        assertThat(urine.getCollection().getCollectedDateTimeType().getValueAsString()).startsWith("2024-01-04T07:35");
        assertThat(urine.getReceivedTimeElement().getValueAsString()).startsWith("2024-01-04T07:52");
        assertThat(colour.getPerformer()).anySatisfy(p -> assertThat(((Practitioner) byUrl.get(p.getReference()))
                .getNameFirstRep().getFamily()).isEqualTo("DE SANTS"));
        // The comment of the ECBU is a note of its results.
        assertThat(batteries.get(0).getNoteFirstRep().getText()).isEqualTo("Traitement immédiat");
        // Each isolate and each of its eight results is reported with its XPath.
        List<TranslationReport.NotCarried> isolates = r.report().notCarried().stream()
                .filter(n -> n.statement().contains("isolate")).toList();
        assertThat(isolates).hasSize(10);
        assertThat(isolates).allSatisfy(n -> assertThat(n.sourceXpath()).startsWith(
                "/ClinicalDocument/component/structuredBody/component[1]/section/entry/act/entryRelationship["));
        assertThat(isolates.stream().filter(n -> n.sourceXpath().endsWith("/observation"))).hasSize(8);
    }

    @Test
    void secondOpinionReportCarriesItsResultItsCommentSectionAndReportsTheAttachedPdf() {
        Result r = translate(SharedSamples.bytes(SharedSamples.CR_BIO_SECOND_OPINION_PDF));
        Observation inr = byLoinc(resources(r.bundle(), Observation.class), "6301-6");
        // A REAL is a unitless quantity.
        assertThat(inr.getValueQuantity().getValueElement().getValueAsString()).isEqualTo("2.0");
        assertThat(inr.getValueQuantity().hasUnit()).isFalse();
        Composition composition = (Composition) r.bundle().getEntryFirstRep().getResource();
        assertThat(composition.getSection()).extracting(Composition.SectionComponent::getTitle)
                .contains("Non conformité", "Hématologie", "Compte rendu de laboratoire de seconde intention (PDF)");
        assertThat(composition.getSection().get(0).getText().getDivAsString()).contains("lang=\"fr\"");
        assertThat(r.report().notCarried()).singleElement().satisfies(n -> {
            assertThat(n.statement()).isEqualTo("attached document");
            assertThat(n.sourceXpath()).isEqualTo("/ClinicalDocument/component/structuredBody/component[3]/section/entry/organizer");
        });
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void aReportWhoseResultsArePdfOnlyIsRefusedNotAnEmptyBundle() {
        String tsh = text(SharedSamples.CR_BIO_TSH);
        String header = tsh.substring(0, tsh.indexOf("<structuredBody>"));
        String pdfOnly = header + "<nonXMLBody><text mediaType=\"application/pdf\" representation=\"B64\">JVBERi0x"
                + "</text></nonXMLBody></component></ClinicalDocument>";
        assertThat(failure(pdfOnly)).isInstanceOfSatisfying(TranslationFailure.NoStructuredContent.class,
                f -> assertThat(f.xpath()).isEqualTo("/ClinicalDocument/component"));
        // Structured body, but only the PDF copy: refused the same way.
        String copyOnly = tsh.replaceFirst("(?s)<component>\\s*<section>\\s*<!-- Conformité Laboratory Specialty.*?"
                + "(<!-- \\[0..1\\] FR-Document-PDF-copie)", "$1");
        assertThat(copyOnly).doesNotContain("3016-3");
        assertThat(failure(copyOnly)).isInstanceOfSatisfying(TranslationFailure.NoStructuredContent.class,
                f -> assertThat(f.message()).contains("send it as an original clinical document"));
    }

    @Test
    void otherDocumentsAndMalformedXmlAreRefusedWithTheirOwnFailure() {
        assertThat(TRANSLATOR.toLabReportBundle(SharedSamples.bytes(SharedSamples.VSM)))
                .isInstanceOfSatisfying(TranslationOutcome.Rejected.class,
                        r -> assertThat(r.failure()).isInstanceOf(TranslationFailure.UnknownFormat.class));
        assertThat(failure(text(SharedSamples.CR_BIO_TSH).replace("</ClinicalDocument>", "")))
                .isInstanceOf(TranslationFailure.NotWellFormed.class);
        // Result entries whose only results cannot be carried: refused, not an empty report.
        String noCodes = text(SharedSamples.CR_BIO_TSH).replaceAll("(?s)<code code=\"30(16-3|24-7)\".*?</code>",
                "<code nullFlavor=\"UNK\"/>");
        assertThat(failure(noCodes)).isInstanceOf(TranslationFailure.NoStructuredContent.class);
    }

    // ------------------------------------------------------------------ bad values, one at a time

    @Test
    void aValueWithoutDataTypeIsReportedAndTheResultSaysItHasNoValue() throws Exception {
        Result r = translateTsh("<value value=\"1.950\" unit=\"m[IU]/L\"/>");
        Observation tsh = byLoinc(resources(r.bundle(), Observation.class), "3016-3");
        assertThat(tsh.hasValue()).isFalse();
        assertThat(tsh.getDataAbsentReason().getCodingFirstRep().getCode()).isEqualTo("error");
        assertThat(r.report().notCarried()).singleElement().satisfies(n -> {
            assertThat(n.sourceXpath()).isEqualTo(TSH_XPATH + "/value");
            assertThat(n.reason()).contains("no data type");
        });
        assertThat(IpsValidator.errors(r.json())).isEmpty();
    }

    @Test
    void aUnitThatIsNotUcumKeepsItsTextWithoutAUcumCodeAndIsReported() throws Exception {
        Result r = translateTsh("<value xsi:type=\"PQ\" value=\"1.950\" unit=\"µUI/ml\"/>");
        Quantity q = byLoinc(resources(r.bundle(), Observation.class), "3016-3").getValueQuantity();
        assertThat(q.getUnit()).isEqualTo("µUI/ml");
        assertThat(q.hasSystem()).isFalse();
        assertThat(q.hasCode()).isFalse();
        assertThat(r.report().notCarried()).singleElement().satisfies(n -> {
            assertThat(n.statement()).isEqualTo("unit as a UCUM code");
            assertThat(n.sourceXpath()).isEqualTo(TSH_XPATH + "/value");
        });
        assertThat(IpsValidator.errors(r.json())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NAV:temp-unknown", "MSK:masked", "UNK:unknown", "NP:not-performed"})
    void aNullFlavoredValueBecomesItsDataAbsentReason(String pair) throws Exception {
        String[] p = pair.split(":");
        Result r = translateTsh("<value xsi:type=\"PQ\" nullFlavor=\"" + p[0] + "\"/>");
        Observation tsh = byLoinc(resources(r.bundle(), Observation.class), "3016-3");
        assertThat(tsh.hasValue()).isFalse();
        assertThat(tsh.getDataAbsentReason().getCodingFirstRep().getCode()).isEqualTo(p[1]);
        assertThat(IpsValidator.errors(r.json())).isEmpty();
    }

    @Test
    void aTraceIsAResultNotAnAbsence() {
        Observation tsh = byLoinc(resources(translateTsh("<value xsi:type=\"PQ\" nullFlavor=\"TRC\"/>").bundle(),
                Observation.class), "3016-3");
        assertThat(tsh.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("TRC");
        assertThat(tsh.hasDataAbsentReason()).isFalse();
    }

    @Test
    void aResultWithoutCodeIsCarriedByItsLabelOrReportedWhenItHasNone() {
        String tsh = text(SharedSamples.CR_BIO_TSH);
        String labelOnly = tsh.replaceFirst("<code code=\"3016-3\"(?s).*?(<originalText>)", "<code nullFlavor=\"UNK\">$1");
        Result r = translate(labelOnly.getBytes(StandardCharsets.UTF_8));
        List<Observation> results = resources(r.bundle(), Observation.class);
        assertThat(results).hasSize(2);
        assertThat(results).anySatisfy(o -> {
            assertThat(o.getCode().hasCoding()).isFalse();
            assertThat(o.getCode().getText()).isEqualTo("Thyréostimuline (TSH)");
        });
        assertThat(r.report().warnings()).anySatisfy(w -> assertThat(w).contains(TSH_XPATH).contains("no code"));

        String nothing = tsh.replaceFirst("(?s)<code code=\"3016-3\".*?</code>", "<code nullFlavor=\"UNK\"/>");
        Result none = translate(nothing.getBytes(StandardCharsets.UTF_8));
        assertThat(resources(none.bundle(), Observation.class)).hasSize(1);
        assertThat(none.report().notCarried()).singleElement().satisfies(n -> {
            assertThat(n.sourceXpath()).isEqualTo(TSH_XPATH);
            assertThat(n.reason()).contains("neither a code nor a label");
        });
    }

    @Test
    void aDecimalCommaIsCarriedAsWrittenNeverGuessed() throws Exception {
        Result r = translateTsh("<value xsi:type=\"PQ\" value=\"1,950\" unit=\"m[IU]/L\"/>");
        Observation tsh = byLoinc(resources(r.bundle(), Observation.class), "3016-3");
        assertThat(tsh.getValueStringType().getValue()).isEqualTo("1,950 m[IU]/L");
        assertThat(r.report().notCarried()).singleElement().satisfies(n ->
                assertThat(n.sourceXpath()).isEqualTo(TSH_XPATH + "/value"));
        assertThat(IpsValidator.errors(r.json())).isEmpty();
    }

    @Test
    void intervalsBecomeAComparatorOrARangeAndAnOpenTwoBoundIntervalIsText() throws Exception {
        Result below = translateTsh("<value xsi:type=\"IVL_PQ\"><high value=\"0.032\" unit=\"ug/mL\" inclusive=\"false\"/></value>");
        Quantity q = byLoinc(resources(below.bundle(), Observation.class), "3016-3").getValueQuantity();
        assertThat(q.getComparator()).isEqualTo(Quantity.QuantityComparator.LESS_THAN);
        assertThat(q.getValueElement().getValueAsString()).isEqualTo("0.032");
        assertThat(IpsValidator.errors(below.json())).isEmpty();

        Result atLeast = translateTsh("<value xsi:type=\"IVL_PQ\"><low value=\"0.512\" unit=\"ug/mL\"/></value>");
        assertThat(byLoinc(resources(atLeast.bundle(), Observation.class), "3016-3").getValueQuantity().getComparator())
                .isEqualTo(Quantity.QuantityComparator.GREATER_OR_EQUAL);

        Result range = translateTsh("<value xsi:type=\"IVL_PQ\"><low value=\"1\" unit=\"g/L\"/><high value=\"2\" unit=\"g/L\"/></value>");
        Observation ranged = byLoinc(resources(range.bundle(), Observation.class), "3016-3");
        assertThat(ranged.getValueRange().getLow().getValueElement().getValueAsString()).isEqualTo("1");
        assertThat(ranged.getValueRange().getHigh().getCode()).isEqualTo("g/L");
        assertThat(IpsValidator.errors(range.json())).isEmpty();

        Result open = translateTsh("<value xsi:type=\"IVL_PQ\"><low value=\"1\" unit=\"g/L\" inclusive=\"false\"/>"
                + "<high value=\"2\" unit=\"g/L\"/></value>");
        assertThat(byLoinc(resources(open.bundle(), Observation.class), "3016-3").getValueStringType().getValue())
                .isEqualTo("]1 g/L ; 2 g/L]");
        assertThat(open.report().notCarried()).singleElement().satisfies(n ->
                assertThat(n.statement()).contains("open bound"));
    }

    @Test
    void ratiosStringsCodesAndUnknownTypesFollowTheDataType() throws Exception {
        Result ratio = translateTsh("<value xsi:type=\"RTO_INT_INT\"><numerator xsi:type=\"INT\" value=\"1\"/>"
                + "<denominator xsi:type=\"INT\" value=\"64\"/></value>");
        Observation titre = byLoinc(resources(ratio.bundle(), Observation.class), "3016-3");
        assertThat(titre.getValueRatio().getDenominator().getValueElement().getValueAsString()).isEqualTo("64");
        assertThat(IpsValidator.errors(ratio.json())).isEmpty();

        Result text = translateTsh("<value xsi:type=\"ST\">non interprétable (hémolyse)</value>");
        assertThat(byLoinc(resources(text.bundle(), Observation.class), "3016-3").getValueStringType().getValue())
                .isEqualTo("non interprétable (hémolyse)");

        Result coded = translateTsh("<value xsi:type=\"CD\" code=\"260385009\" displayName=\"Négatif\""
                + " codeSystem=\"2.16.840.1.113883.6.96\"/>");
        Observation negative = byLoinc(resources(coded.bundle(), Observation.class), "3016-3");
        assertThat(negative.getValueCodeableConcept().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
        assertThat(negative.getValueCodeableConcept().getCodingFirstRep().getDisplay()).isEqualTo("Négatif");
        assertThat(IpsValidator.errors(coded.json())).isEmpty();

        Result money = translateTsh("<value xsi:type=\"MO\" value=\"12\" currency=\"EUR\"/>");
        Observation unknown = byLoinc(resources(money.bundle(), Observation.class), "3016-3");
        assertThat(unknown.getDataAbsentReason().getCodingFirstRep().getCode()).isEqualTo("unsupported");
        assertThat(money.report().notCarried()).singleElement().satisfies(n ->
                assertThat(n.statement()).isEqualTo("laboratory result value of type MO"));
    }

    @Test
    void anElementTheReportDoesNotModelIsReportedWithItsXPath() {
        String tsh = text(SharedSamples.CR_BIO_TSH).replaceFirst(TSH_VALUE,
                "<value xsi:type=\"PQ\" value=\"1.950\" unit=\"m[IU]/L\"/><targetSiteCode code=\"X\" codeSystem=\"1.2.3\"/>");
        Result r = translate(tsh.getBytes(StandardCharsets.UTF_8));
        assertThat(r.report().notCarried()).singleElement().satisfies(n ->
                assertThat(n.sourceXpath()).isEqualTo(TSH_XPATH + "/targetSiteCode"));
    }

    @Test
    void aResultAboutAnotherSubjectThanThePatientIsReportedNotWrittenAsThePatients() {
        String tsh = text(SharedSamples.CR_BIO_TSH).replaceFirst(TSH_VALUE, "<value xsi:type=\"PQ\" value=\"1.950\""
                + " unit=\"m[IU]/L\"/>");
        String foetus = tsh.replaceFirst("(<code code=\"3016-3\")", "<subject><relatedSubject classCode=\"PRS\">"
                + "<code code=\"FTS\" codeSystem=\"2.16.840.1.113883.5.111\"/></relatedSubject></subject>$1");
        Result r = translate(foetus.getBytes(StandardCharsets.UTF_8));
        assertThat(resources(r.bundle(), Observation.class)).extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .containsExactly("3024-7");
        assertThat(r.report().notCarried()).singleElement().satisfies(n -> {
            assertThat(n.sourceXpath()).isEqualTo(TSH_XPATH);
            assertThat(n.statement()).contains("another subject");
        });
    }

    // ------------------------------------------------------------------ helpers

    record Result(String json, Bundle bundle, TranslationReport report) {
    }

    private static Result translateTsh(String value) {
        String tsh = text(SharedSamples.CR_BIO_TSH);
        String changed = tsh.replaceFirst(TSH_VALUE, java.util.regex.Matcher.quoteReplacement(value));
        assertThat(changed).as("value replaced").isNotEqualTo(tsh);
        return translate(changed.getBytes(StandardCharsets.UTF_8));
    }

    private static Result translate(byte[] cda) {
        TranslationOutcome out = TRANSLATOR.toLabReportBundle(cda);
        assertThat(out).isInstanceOf(TranslationOutcome.Translated.class);
        TranslationOutcome.Translated t = (TranslationOutcome.Translated) out;
        assertThat(t.mediaType()).isEqualTo("application/fhir+json");
        return new Result(t.document(), FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class,
                t.document()), t.report());
    }

    private static TranslationFailure failure(String cda) {
        TranslationOutcome out = TRANSLATOR.toLabReportBundle(cda.getBytes(StandardCharsets.UTF_8));
        assertThat(out).isInstanceOf(TranslationOutcome.Rejected.class);
        return ((TranslationOutcome.Rejected) out).failure();
    }

    private static String text(Path p) {
        return new String(SharedSamples.bytes(p), StandardCharsets.UTF_8);
    }

    private static Observation byLoinc(List<Observation> observations, String code) {
        return observations.stream().filter(o -> o.getCode().getCoding().stream()
                .anyMatch(c -> "http://loinc.org".equals(c.getSystem()) && code.equals(c.getCode())))
                .findFirst().orElseThrow(() -> new AssertionError("no Observation " + code));
    }

    private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static Map<String, Resource> byUrl(Bundle bundle) {
        return bundle.getEntry().stream().collect(Collectors.toMap(Bundle.BundleEntryComponent::getFullUrl,
                Bundle.BundleEntryComponent::getResource));
    }
}

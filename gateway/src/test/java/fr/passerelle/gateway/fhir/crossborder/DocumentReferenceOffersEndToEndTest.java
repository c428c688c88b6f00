package fr.passerelle.gateway.fhir.crossborder;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.SharedDocuments;
import fr.passerelle.gateway.exchange.PrescriptionItemId;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import fr.passerelle.gateway.testsupport.TestGateway;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Everything a DocumentReference search offers is served (issue: a multi-line ePrescription was offered whole, which
 * eHDSI refuses, and level-1 PDFs were offered that answered 404): for every demo patient, every attachment URL is
 * read back with the right content, a multi-line ePrescription is offered item by item under XCA's item ids, a
 * dispensed item is neither offered nor served, and ids that name nothing are a 400/404 OperationOutcome.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentReferenceOffersEndToEndTest {

    static final String TEST_NIR = Ins.TEST_NIR;
    static final List<String> DEMO_PATIENTS = List.of(FhirRoadEndToEndTest.BERTHELOT, FhirRoadEndToEndTest.LAMBERTIN,
            FhirRoadEndToEndTest.ROCHEFORT, FhirRoadEndToEndTest.LEFEVRE, FhirRoadEndToEndTest.ODILE_MARTIN,
            FhirRoadEndToEndTest.LEA_MARTIN);
    static final String PS_LEVEL_THREE = "1.3.6.1.4.1.12559.11.10.1.3.1.1.3";
    static final String EP_LEVEL_THREE = "1.3.6.1.4.1.12559.11.10.1.3.1.1.1";
    static final String PS_LEVEL_ONE = "1.3.6.1.4.1.12559.11.10.1.3.1.1.7";
    static final String EP_LEVEL_ONE = "1.3.6.1.4.1.12559.11.10.1.3.1.1.6";
    static final String PRESCRIPTION_ENTRY = "1.3.6.1.4.1.12559.11.10.1.3.1.3.2";
    static final String ORCD_LABORATORY = "1.3.6.1.4.1.12559.11.10.1.3.1.1.8";
    static final String ORCD_IMAGING = "1.3.6.1.4.1.12559.11.10.1.3.1.1.10";

    static final DemoPki PKI = DemoPki.generate(Instant.now(), Duration.ofDays(30), List.of("BE"));
    static final FhirContext CONTEXT = FhirContext.forR4Cached();

    static ConfigurableApplicationContext app;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        TestGateway gateway = TestGateway.trusting(PKI, "fhir-offers");
        app = gateway.context();
        base = gateway.base() + "/fhir";
        makeRochefortsLabReportPdfOnly();
    }

    /**
     * Rochefort's CR-BIO becomes one without structured results (its body the PDF copy only), before anything of it
     * is translated: the case of a laboratory that sends its report as a PDF.
     */
    private static void makeRochefortsLabReportPdfOnly() {
        DocumentEntry lab = app.getBean(NationalHealthSpace.class).documents(
                new Ins(TEST_NIR, FhirRoadEndToEndTest.ROCHEFORT), DocumentKind.LABORATORY_RESULT).get(0);
        String cda = new String(app.getBean(NationalHealthSpace.class).retrieve(lab.uniqueId()).orElseThrow()
                .content(), StandardCharsets.UTF_8);
        java.util.regex.Matcher pdf = java.util.regex.Pattern.compile(
                "<value mediaType=\"application/pdf\" representation=\"B64\">([^<]+)</value>").matcher(cda);
        assertThat(pdf.find()).as("the demo CR-BIO carries its PDF copy").isTrue();
        String pdfOnly = cda.substring(0, cda.indexOf("<structuredBody")) + "<nonXMLBody><text mediaType="
                + "\"application/pdf\" representation=\"B64\">" + pdf.group(1)
                + "</text></nonXMLBody></component></ClinicalDocument>";
        org.springframework.jdbc.core.simple.JdbcClient.create(app.getBean(javax.sql.DataSource.class))
                .sql("UPDATE hs_document SET content = ? WHERE unique_id = ?")
                .params(pdfOnly.getBytes(StandardCharsets.UTF_8), lab.uniqueId()).update();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static final HcpClaims DOCTOR = HcpClaims.demoDoctor("BE");
    static final HcpClaims PHARMACIST = DOCTOR.withRole("2262", "Pharmacists");

    @Test
    @Order(1)
    void everythingOfferedToEveryDemoPatientIsServedWithTheRightContent() throws Exception {
        for (String patient : DEMO_PATIENTS) {
            List<DocumentReference> offered = documentReferences(DOCTOR, patient);
            assertThat(offered).as(patient).isNotEmpty();
            Set<String> itemIds = new HashSet<>();
            for (DocumentReference reference : offered) {
                String id = reference.getIdElement().getIdPart();
                assertThat(reference.getContent()).as(id).isNotEmpty();
                for (DocumentReference.DocumentReferenceContentComponent content : reference.getContent()) {
                    served(patient, reference, content.getAttachment());
                }
                if (isItem(reference)) {
                    itemIds.add(id);
                }
            }
            // One DocumentReference per item still to dispense of each visible ePrescription, under XCA's item id.
            assertThat(itemIds).as(patient).isEqualTo(expectedItemIds(patient));
            // MedicationRequest tells the same: its active items are exactly the items offered.
            assertThat(activeMedicationRequestIds(patient)).as(patient).isEqualTo(itemIds);
        }
        // A level 1 only where the French document carries a PDF: the IPS-FR summaries do, the VSM ones do not.
        assertThat(summaryAttachmentUrls(FhirRoadEndToEndTest.BERTHELOT)).anyMatch(url -> url.startsWith("Binary/pdf-"));
        assertThat(summaryAttachmentUrls(FhirRoadEndToEndTest.LAMBERTIN)).isNotEmpty()
                .noneMatch(url -> url.startsWith("Binary/pdf-"));
    }

    @Test
    @Order(2)
    void aDispensedItemIsNeitherOfferedNorServedAndItsSiblingStillIs() throws Exception {
        String patient = FhirRoadEndToEndTest.ODILE_MARTIN;
        List<String> items = documentReferences(PHARMACIST, patient).stream().filter(this::isItem)
                .map(r -> r.getIdElement().getIdPart()).toList();
        assertThat(items).hasSizeGreaterThanOrEqualTo(2);
        String dispensedItem = items.get(0);

        // The MedicationDispense names the item by the very id the DocumentReference offered.
        MedicationDispense dispense = FhirRoadEndToEndTest.handingOverThePrescribed(FhirRoadEndToEndTest.dispense(
                dispensedItem, "urn:uuid:" + UUID.randomUUID(), "Patient/" + patientId(patient)), app, dispensedItem);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/MedicationDispense"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(CONTEXT.newJsonParser().encodeResourceToString(dispense))),
                PHARMACIST, patient);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        List<String> after = documentReferences(PHARMACIST, patient).stream().map(r -> r.getIdElement().getIdPart())
                .toList();
        assertThat(after).doesNotContain(dispensedItem).contains(items.get(1));
        HttpResponse<String> refused = get("/Binary/cda-" + dispensedItem, PHARMACIST, patient);
        assertOutcome(refused, 404, "ERROR_GENERIC_DOCUMENT_MISSING");
        assertThat(get("/Binary/cda-" + items.get(1), PHARMACIST, patient).statusCode()).isEqualTo(200);
        assertThat(completedMedicationRequestIds(patient)).contains(dispensedItem);
    }

    @Test
    @Order(3)
    void idsThatNameNoOfferedDocumentAreAnOperationOutcomeNeverAServerError() throws Exception {
        String patient = FhirRoadEndToEndTest.LEFEVRE;
        DocumentEntry prescription = visible(patient, DocumentKind.EPRESCRIPTION).get(0);
        DocumentEntry summary = visible(patient, DocumentKind.PATIENT_SUMMARY).get(0);
        String prescriptionId = FhirIds.documentId(prescription.uniqueId()).orElseThrow();
        String summaryId = FhirIds.documentId(summary.uniqueId()).orElseThrow();
        String item = FhirIds.pivotId(prescription.uniqueId(), 1).orElseThrow();
        String otherPatientsItem = documentReferences(DOCTOR, FhirRoadEndToEndTest.BERTHELOT).stream()
                .filter(this::isItem).findFirst().orElseThrow().getIdElement().getIdPart();
        Map<String, Integer> notFound = Map.of(
                "/Binary/cda-" + prescriptionId + "-99", 404,   // an item beyond the prescription's
                "/Binary/cda-" + summaryId + "-1", 404,         // a Patient Summary has no items
                "/Binary/cda-" + prescriptionId + "-0", 404,    // positions start at 1
                "/Binary/cda-2.25.42-1", 404,                   // an item of no document
                "/Binary/pdf-" + item, 404,                     // the level 1 is the whole prescription's only
                "/Bundle/" + item, 404,                         // an item is no IPS
                "/Binary/cda-" + prescriptionId, 404);          // the whole multi-line prescription: items only
        for (var read : notFound.entrySet()) {
            assertOutcome(get(read.getKey(), DOCTOR, patient), read.getValue(), "ERROR_GENERIC_DOCUMENT_MISSING");
        }
        // Another patient's item, read under this patient's treatment relationship: refused, nothing disclosed.
        HttpResponse<String> foreign = get("/Binary/cda-" + otherPatientsItem, DOCTOR, patient);
        assertThat(foreign.statusCode()).isIn(403, 404);
        assertOutcome(foreign, foreign.statusCode(), null);
        for (String malformed : List.of("/Binary/cda-" + prescriptionId + "-x-y", "/Binary/cda-abc",
                "/Binary/cda-", "/Binary/cda-1..2", "/Binary/cda-1." + "2".repeat(80) + "-1",
                "/Binary/item-" + item, "/Bundle/not-a-document")) {
            assertOutcome(get(malformed, DOCTOR, patient), 400, null);
        }
    }

    @Test
    @Order(4)
    void theOriginalClinicalDocumentsAreFoundByCategoryOrTypeUnderAConsentThatSharesThemAndServedAsTheOrcd()
            throws Exception {
        String patient = FhirRoadEndToEndTest.BERTHELOT;
        String search = "/DocumentReference?patient=" + URLEncoder.encode("Patient/" + patientId(patient),
                StandardCharsets.UTF_8);
        // This gateway's opt-out default shares the Patient Summary and ePrescriptions, not the reports: neither
        // their listing nor a read of the lab report's Bundle by id.
        assertOutcome(get(search + "&category=http://loinc.org%7C11502-2", DOCTOR, patient), 403, "4701");
        String labId = FhirIds.documentId(visible(patient, DocumentKind.LABORATORY_RESULT).get(0).uniqueId())
                .orElseThrow();
        assertOutcome(get("/Bundle/" + labId, DOCTOR, patient), 403, "4701");

        app.getBean(ConsentStore.class).change(new Ins(TEST_NIR, patient), new ConsentChange.Authorise(
                new ConsentTerms(CountryScope.all(), EnumSet.allOf(SharedDocuments.class), Optional.empty()),
                "orcd-fhir-test", ConsentChannel.OPERATOR));
        List<DocumentReference> labs = bundle(get(search + "&category=http://loinc.org%7C11502-2", DOCTOR, patient));
        List<DocumentReference> imaging = bundle(get(search + "&type=18748-4", DOCTOR, patient));

        assertThat(labs).singleElement().satisfies(lab -> {
            assertThat(kindCode(lab)).isEqualTo("11502-2");
            // MHD context.period: the examination (the CR-BIO's serviceEvent).
            assertThat(lab.getContext().getPeriod().getStart().toInstant())
                    .isEqualTo(Instant.parse("2021-01-04T08:22:00Z"));
            assertThat(lab.getContext().getPeriod().getEnd().toInstant())
                    .isEqualTo(Instant.parse("2021-01-04T15:05:00Z"));
            // The structured CR-BIO: its FHIR laboratory report Bundle, and its OrCD.
            assertThat(lab.getContent()).extracting(c -> c.getAttachment().getUrl() + " " + c.getAttachment()
                    .getContentType()).containsExactly("Bundle/" + lab.getIdElement().getIdPart()
                    + " application/fhir+json", "Binary/cda-" + lab.getIdElement().getIdPart() + " text/xml");
        });
        assertThat(imaging).singleElement().satisfies(report -> {
            assertThat(kindCode(report)).isEqualTo("18748-4");
            assertThat(report.getContent()).as("no FHIR form of an imaging report").singleElement()
                    .satisfies(c -> assertThat(c.getAttachment().getUrl()).startsWith("Binary/cda-"));
        });
        labReportServed(patient, labs.get(0));
        for (DocumentReference report : List.of(labs.get(0), imaging.get(0))) {
            String cdaUrl = report.getContent().stream().map(c -> c.getAttachment().getUrl())
                    .filter(url -> url.startsWith("Binary/cda-")).findFirst().orElseThrow();
            HttpResponse<String> read = get("/" + cdaUrl, DOCTOR, patient);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            Element cda = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(CONTEXT.newJsonParser().parseResource(Binary.class, read.body())
                            .getData())).getDocumentElement();
            assertThat(childAttributes(cda, "templateId", "root")).containsAnyOf(ORCD_LABORATORY, ORCD_IMAGING);
            assertThat(cda.getElementsByTagNameNS("urn:hl7-org:v3", "nonXMLBody").getLength()).isEqualTo(1);
        }
        // A search that names no kind lists what it listed before the reports were served.
        assertThat(documentReferences(DOCTOR, patient)).extracting(DocumentReferenceOffersEndToEndTest::kindCode)
                .containsOnly("60591-5", "57833-6");
    }

    @Test
    @Order(5)
    void aMaskedReportIsNotFoundAndAClassNotServedIsA400() throws Exception {
        String patient = FhirRoadEndToEndTest.LAMBERTIN;
        app.getBean(ConsentStore.class).change(new Ins(TEST_NIR, patient), new ConsentChange.Authorise(
                new ConsentTerms(CountryScope.all(), EnumSet.allOf(SharedDocuments.class), Optional.empty()),
                "orcd-fhir-test", ConsentChannel.OPERATOR));
        String search = "/DocumentReference?patient=" + URLEncoder.encode("Patient/" + patientId(patient),
                StandardCharsets.UTF_8);

        assertThat(bundle(get(search + "&type=34105-7", DOCTOR, patient))).as("the masked discharge letter").isEmpty();
        String maskedId = FhirIds.documentId(app.getBean(NationalHealthSpace.class).documents(
                new Ins(TEST_NIR, patient), DocumentKind.HOSPITAL_DISCHARGE_REPORT).get(0).uniqueId()).orElseThrow();
        assertOutcome(get("/Binary/cda-" + maskedId, DOCTOR, patient), 404, "ERROR_GENERIC_DOCUMENT_MISSING");
        // 55113-5: the eHDSI Medical Images OrCD, not served.
        assertOutcome(get(search + "&category=http://loinc.org%7C55113-5", DOCTOR, patient), 400, null);
    }

    @Test
    @Order(6)
    void aLabReportBundleIsServedOnlyForAStructuredLabReportAndEveryOtherAskIsAClearOutcome() throws Exception {
        String patient = FhirRoadEndToEndTest.BERTHELOT;   // consent sharing the reports given in order 4
        String imagingId = FhirIds.documentId(visible(patient, DocumentKind.MEDICAL_IMAGING_REPORT).get(0).uniqueId())
                .orElseThrow();
        // An imaging report has no FHIR document: answered as absent, like any document not served so.
        assertOutcome(get("/Bundle/" + imagingId, DOCTOR, patient), 404, "ERROR_GENERIC_DOCUMENT_MISSING");
        assertOutcome(get("/Bundle/2.25.987654321", DOCTOR, patient), 404, "ERROR_GENERIC_DOCUMENT_MISSING");
        // The PS's Bundle stays its IPS (the Bundle of a document is the FHIR document of its kind).
        String summaryId = FhirIds.documentId(visible(patient, DocumentKind.PATIENT_SUMMARY).get(0).uniqueId())
                .orElseThrow();
        HttpResponse<String> ips = get("/Bundle/" + summaryId, DOCTOR, patient);
        assertThat(ips.statusCode()).as(ips.body()).isEqualTo(200);
        assertThat(((Composition) CONTEXT.newJsonParser().parseResource(Bundle.class, ips.body()).getEntryFirstRep()
                .getResource()).getType().getCodingFirstRep().getCode()).isEqualTo("60591-5");
        // There is no Binary form of the Bundle: a Binary id names cda- or pdf- only.
        String labId = FhirIds.documentId(visible(patient, DocumentKind.LABORATORY_RESULT).get(0).uniqueId())
                .orElseThrow();
        assertOutcome(get("/Binary/lab-" + labId, DOCTOR, patient), 400, null);
    }

    @Test
    @Order(7)
    void aPdfOnlyLabReportIsOfferedAsItsOrcdOnlyAndItsBundleIsRefusedWithTheReason() throws Exception {
        String patient = FhirRoadEndToEndTest.ROCHEFORT;   // her CR-BIO was made PDF-only at start-up
        app.getBean(ConsentStore.class).change(new Ins(TEST_NIR, patient), new ConsentChange.Authorise(
                new ConsentTerms(CountryScope.all(), EnumSet.allOf(SharedDocuments.class), Optional.empty()),
                "orcd-fhir-test", ConsentChannel.OPERATOR));
        String search = "/DocumentReference?patient=" + URLEncoder.encode("Patient/" + patientId(patient),
                StandardCharsets.UTF_8) + "&type=11502-2";

        DocumentReference lab = bundle(get(search, DOCTOR, patient)).get(0);
        String id = lab.getIdElement().getIdPart();
        assertThat(lab.getContent()).extracting(c -> c.getAttachment().getUrl()).containsExactly("Binary/cda-" + id);
        assertThat(get("/Binary/cda-" + id, DOCTOR, patient).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get("/Bundle/" + id, DOCTOR, patient);
        assertOutcome(refused, 422, "4203");   // ERROR_TRANSCODING_ERROR
        assertThat(CONTEXT.newJsonParser().parseResource(OperationOutcome.class, refused.body()).getIssueFirstRep()
                .getDiagnostics()).contains("no structured").contains("original clinical document");
    }

    /**
     * A listed document whose pivot cannot be made is not offered, and the searchset says so in an OperationOutcome
     * entry (search mode outcome, eHDSI 4203, its kind and date) instead of leaving it out silently.
     */
    @Test
    @Order(8)
    void aDocumentThatCannotBeSentIsSaidInTheSearchsetOutcome() throws Exception {
        String patient = FhirRoadEndToEndTest.LEFEVRE;   // her discharge letter: never shared, so never translated
        DocumentEntry letter = app.getBean(NationalHealthSpace.class).documents(new Ins(TEST_NIR, patient),
                DocumentKind.HOSPITAL_DISCHARGE_REPORT).get(0);
        org.springframework.jdbc.core.simple.JdbcClient.create(app.getBean(javax.sql.DataSource.class))
                .sql("UPDATE hs_document SET content = ? WHERE unique_id = ?")
                .params("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8),
                        letter.uniqueId()).update();
        app.getBean(ConsentStore.class).change(new Ins(TEST_NIR, patient), new ConsentChange.Authorise(
                new ConsentTerms(CountryScope.all(), EnumSet.allOf(SharedDocuments.class), Optional.empty()),
                "orcd-fhir-test", ConsentChannel.OPERATOR));
        HttpResponse<String> response = get("/DocumentReference?patient=" + URLEncoder.encode("Patient/"
                + patientId(patient), StandardCharsets.UTF_8) + "&type=34105-7", DOCTOR, patient);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Bundle searchset = CONTEXT.newJsonParser().parseResource(Bundle.class, response.body());
        assertThat(searchset.getTotal()).isZero();
        assertThat(searchset.getEntry()).singleElement().satisfies(entry -> {
            assertThat(entry.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.OUTCOME);
            OperationOutcome.OperationOutcomeIssueComponent issue = ((OperationOutcome) entry.getResource())
                    .getIssueFirstRep();
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
            assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("4203");
            assertThat(issue.getDiagnostics()).contains("34105-7").contains("not sent")
                    .contains(letter.creationTime().toLocalDate().toString());
        });
    }

    /** The FHIR laboratory report: a document Bundle of the CR-BIO's results, read once more the same, audited. */
    private void labReportServed(String patient, DocumentReference lab) throws Exception {
        String correlation = "lab-bundle-" + UUID.randomUUID();
        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(base + "/Bundle/"
                + lab.getIdElement().getIdPart())).header("Accept", "application/fhir+json")
                .header("X-Correlation-Id", correlation).GET(), DOCTOR, patient);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        Bundle report = CONTEXT.newJsonParser().parseResource(Bundle.class, read.body());
        assertThat(report.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(report.getIdElement().getIdPart()).isEqualTo(lab.getIdElement().getIdPart());
        Composition composition = (Composition) report.getEntryFirstRep().getResource();
        assertThat(composition.getType().getCodingFirstRep().getCode()).isEqualTo("11502-2");
        List<Observation> results = report.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(Observation.class::cast).toList();
        assertThat(report.getEntry()).anyMatch(e -> e.getResource() instanceof DiagnosticReport);
        // The demo CR-BIO's TSH, as the lab wrote it.
        assertThat(results).anySatisfy(tsh -> {
            assertThat(tsh.getCode().getCodingFirstRep().getCode()).isEqualTo("3016-3");
            assertThat(tsh.getValueQuantity().getValueElement().getValueAsString()).isEqualTo("1.950");
            assertThat(tsh.getReferenceRangeFirstRep().hasLow()).isTrue();
        });
        HttpResponse<String> again = get("/Bundle/" + lab.getIdElement().getIdPart(), DOCTOR, patient);
        assertThat(again.body()).as("served from the translation kept for this version").isEqualTo(read.body());
        var rows = org.springframework.jdbc.core.simple.JdbcClient.create(app.getBean(javax.sql.DataSource.class))
                .sql("SELECT outcome, document_kinds, transaction_kind FROM audit_record WHERE correlation_id = ?")
                .param(correlation).query().listOfRows();
        assertThat(rows).singleElement().satisfies(row -> {
            Map<String, Object> upper = new java.util.HashMap<>();
            row.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
            assertThat(upper).containsEntry("OUTCOME", "SUCCESS").containsEntry("TRANSACTION_KIND",
                    "DOCUMENT_RETRIEVE");
            assertThat(String.valueOf(upper.get("DOCUMENT_KINDS"))).contains("LABORATORY_RESULT");
        });
    }

    private static List<DocumentReference> bundle(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return CONTEXT.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().stream()
                .map(e -> (DocumentReference) e.getResource()).toList();
    }

    // --- what is served ---

    private void served(String patient, DocumentReference reference, Attachment attachment) throws Exception {
        String url = attachment.getUrl();
        String id = reference.getIdElement().getIdPart();
        HttpResponse<String> response = get("/" + url, DOCTOR, patient);
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        if (url.startsWith("Bundle/")) {
            Bundle ips = CONTEXT.newJsonParser().parseResource(Bundle.class, response.body());
            assertThat(ips.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
            assertThat(ips.getEntryFirstRep().getResource()).isInstanceOf(Composition.class);
            assertThat(url).isEqualTo("Bundle/" + id);
            return;
        }
        Binary binary = CONTEXT.newJsonParser().parseResource(Binary.class, response.body());
        Element cda = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(binary.getData())).getDocumentElement();
        assertThat(cda.getLocalName()).as(url).isEqualTo("ClinicalDocument");
        Set<String> templates = childAttributes(cda, "templateId", "root");
        boolean summary = kindCode(reference).equals("60591-5");
        if (url.startsWith("Binary/pdf-")) {
            assertThat(url).isEqualTo("Binary/pdf-" + id);
            assertThat(templates).as(url).contains(summary ? PS_LEVEL_ONE : EP_LEVEL_ONE);
            assertThat(cda.getElementsByTagNameNS("urn:hl7-org:v3", "nonXMLBody").getLength()).isEqualTo(1);
            return;
        }
        assertThat(url).isEqualTo("Binary/cda-" + id);
        assertThat(templates).as(url).contains(summary ? PS_LEVEL_THREE : EP_LEVEL_THREE);
        if (!summary) {
            // eHDSI: one prescription item per ePrescription document, whose ClinicalDocument/id is the offered one.
            assertThat(count(cda, PRESCRIPTION_ENTRY)).as(url).isEqualTo(1);
            Element documentId = child(cda, "id");
            String uniqueId = documentId.getAttribute("root")
                    + (documentId.hasAttribute("extension") ? "^" + documentId.getAttribute("extension") : "");
            assertThat(uniqueId).as(url).isEqualTo(FhirIds.uniqueIdOf(id));
            assertThat(reference.getMasterIdentifier().getSystem()).isEqualTo("urn:oid:" + documentId.getAttribute("root"));
            assertThat(reference.getMasterIdentifier().getValue()).isEqualTo(documentId.getAttribute("extension"));
        }
    }

    /** XCA's ids ({@link PrescriptionItemId}) of the items still to dispense of the patient's offered prescriptions. */
    private Set<String> expectedItemIds(String patient) {
        NationalHealthSpace healthSpace = app.getBean(NationalHealthSpace.class);
        Set<String> expected = new HashSet<>();
        for (DocumentEntry prescription : visible(patient, DocumentKind.EPRESCRIPTION)) {
            List<PrescriptionLine> lines = healthSpace.prescriptionLines(prescription.uniqueId());
            assertThat(lines).as("the demo ePrescriptions have several items").hasSizeGreaterThan(1);
            for (int item = 1; item <= lines.size(); item++) {
                if (!lines.get(item - 1).dispensed()) {
                    String xca = new PrescriptionItemId(prescription.uniqueId(), item).xdsUniqueId();
                    expected.add(xca.replaceFirst("\\^", "-"));
                }
            }
        }
        return expected;
    }

    /** The LOINC class code: 60591-5 (Patient Summary) or 57833-6 (ePrescription); the type is the French one. */
    private static String kindCode(DocumentReference reference) {
        return reference.getCategoryFirstRep().getCodingFirstRep().getCode();
    }

    private boolean isItem(DocumentReference reference) {
        return kindCode(reference).equals("57833-6")
                && reference.getContent().stream().anyMatch(c -> c.getAttachment().getUrl().startsWith("Binary/cda-"));
    }

    private List<DocumentEntry> visible(String patient, DocumentKind kind) {
        return app.getBean(NationalHealthSpace.class).documents(new Ins(TEST_NIR, patient), kind).stream()
                .filter(entry -> !entry.masked()).toList();
    }

    private List<String> summaryAttachmentUrls(String patient) throws Exception {
        List<String> urls = new ArrayList<>();
        documentReferences(DOCTOR, patient).stream()
                .filter(r -> kindCode(r).equals("60591-5"))
                .forEach(r -> r.getContent().forEach(c -> urls.add(c.getAttachment().getUrl())));
        return urls;
    }

    private List<DocumentReference> documentReferences(HcpClaims claims, String patient) throws Exception {
        HttpResponse<String> response = get("/DocumentReference?_count=100&patient="
                + URLEncoder.encode("Patient/" + patientId(patient), StandardCharsets.UTF_8), claims, patient);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Bundle bundle = CONTEXT.newJsonParser().parseResource(Bundle.class, response.body());
        assertThat(bundle.getTotal()).isEqualTo(bundle.getEntry().size());
        return bundle.getEntry().stream().map(e -> (DocumentReference) e.getResource()).toList();
    }

    private Set<String> activeMedicationRequestIds(String patient) throws Exception {
        return medicationRequestIds(patient, "active");
    }

    private Set<String> completedMedicationRequestIds(String patient) throws Exception {
        return medicationRequestIds(patient, "completed");
    }

    private Set<String> medicationRequestIds(String patient, String status) throws Exception {
        HttpResponse<String> response = get("/MedicationRequest?_count=100&status=" + status + "&patient="
                + URLEncoder.encode("Patient/" + patientId(patient), StandardCharsets.UTF_8), PHARMACIST, patient);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Set<String> ids = new HashSet<>();
        CONTEXT.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().stream()
                .filter(e -> e.getResource() instanceof MedicationRequest)
                .forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
        return ids;
    }

    // --- plumbing ---

    /** The server's opaque id of a demo patient (what {@code Patient?identifier=} answers). */
    static String patientId(String ins) {
        return app.getBean(FhirPatientIds.class).idOf(new fr.passerelle.gateway.healthspace.Ins(TEST_NIR, ins));
    }

    static HttpResponse<String> get(String path, HcpClaims claims, String patient) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/fhir+json").GET(),
                claims, patient);
    }

    static HttpResponse<String> send(HttpRequest.Builder request, HcpClaims claims, String patient) throws Exception {
        // A fresh pair of assertions each time: the replay guard accepts each assertion id once.
        CrossBorderRequesters.samlHeaders(PKI.signer("BE"), claims, CrossBorderRequesters.trcPatient(TEST_NIR, patient))
                .forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertOutcome(HttpResponse<String> response, int status, String ehdsiCode) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        OperationOutcome outcome = CONTEXT.newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).doesNotContain("Exception").doesNotContain("\tat ");
        if (ehdsiCode != null) {
            assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode())
                    .as(response.uri().toString()).isEqualTo(ehdsiCode);
        }
    }

    private static Set<String> childAttributes(Element parent, String name, String attribute) {
        Set<String> values = new HashSet<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                values.add(e.getAttribute(attribute));
            }
        }
        return values;
    }

    private static Element child(Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no " + name);
    }

    private static int count(Element root, String templateId) {
        NodeList templates = root.getElementsByTagNameNS("urn:hl7-org:v3", "templateId");
        int found = 0;
        for (int t = 0; t < templates.getLength(); t++) {
            found += templateId.equals(((Element) templates.item(t)).getAttribute("root")) ? 1 : 0;
        }
        return found;
    }
}

package fr.passerelle.gateway.fhir.crossborder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.testsupport.TestGateway;
import fr.passerelle.trust.assertion.PurposeOfUse;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CdaReader;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.DocumentFormat;
import fr.passerelle.translation.cda.SectionKind;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The FHIR road against the running application on a random port, driven by HAPI's generic client: every granted
 * interaction, then each refusal branch (credentials, trust, role, patient controls, consent, TRC patient, masking,
 * matching, dispensation) with its status and eHDSI code.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FhirRoadEndToEndTest {

    static final String TEST_NIR = Ins.TEST_NIR;
    static final String BERTHELOT = "284056912304563";
    static final String LAMBERTIN = "156113523811249";
    static final String ROCHEFORT = "290023306307835";
    static final String LEFEVRE = "101085935020352";
    static final String ODILE_MARTIN = "238016311300935";
    static final String LEA_MARTIN = "295067511432151";

    static final DemoPki PKI = DemoPki.generate(Instant.now(), Duration.ofDays(30), List.of("BE", "DE"));
    static final FhirContext CONTEXT = FhirContext.forR4Cached();

    static ConfigurableApplicationContext app;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        TestGateway gateway = TestGateway.trusting(PKI, "fhir-road");
        app = gateway.context();
        base = gateway.base() + "/fhir";
        CONTEXT.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static HcpClaims doctor() {
        return HcpClaims.demoDoctor("BE");
    }

    static IGenericClient saml(HcpClaims claims, String patient) {
        return client(() -> CrossBorderRequesters.samlHeaders(PKI.signer("BE"), claims,
                patient == null ? null : CrossBorderRequesters.trcPatient(TEST_NIR, patient)));
    }

    static IGenericClient bearer(HcpClaims claims, String patient) {
        return client(() -> Map.of("Authorization", CrossBorderRequesters.bearer(PKI.signer("BE"), claims,
                patient == null ? null : CrossBorderRequesters.trcPatient(TEST_NIR, patient),
                CrossBorderRequesters.AUDIENCE, 300)));
    }

    static IGenericClient client(Supplier<Map<String, String>> credentials) {
        IGenericClient client = CONTEXT.newRestfulGenericClient(base);
        client.registerInterceptor(CrossBorderRequesters.headers(credentials));
        return client;
    }

    /** The server's opaque id of a demo patient (what {@code Patient?identifier=} answers). */
    static String patientId(String ins) {
        return app.getBean(FhirPatientIds.class).idOf(new fr.passerelle.gateway.healthspace.Ins(TEST_NIR, ins));
    }

    static Bundle summary(IGenericClient client, String ins) {
        return client.operation().onInstance("Patient/" + patientId(ins)).named("$summary")
                .withNoParameters(Parameters.class).returnResourceType(Bundle.class).useHttpGet().execute();
    }

    // --- granted ---

    /** Runs first: a later test revokes one demo patient's consent. */
    @Test
    @Order(1)
    void everyDemoPatientsSummaryValidatesAgainstIps200() throws Exception {
        for (String patient : List.of(BERTHELOT, LAMBERTIN, ROCHEFORT, LEFEVRE, ODILE_MARTIN, LEA_MARTIN)) {
            HttpResponse<String> response = get("/Patient/" + patientId(patient) + "/$summary",
                    CrossBorderRequesters.samlHeaders(PKI.signer("BE"), doctor(),
                            CrossBorderRequesters.trcPatient(TEST_NIR, patient)), null);
            assertThat(response.statusCode()).as(patient).isEqualTo(200);
            assertThat(IpsProfiles.errors(response.body())).as("IPS errors for patient …" + patient.substring(12))
                    .isEmpty();
        }
    }

    @Test
    void capabilityStatementIsPublicAndListsWhatIsImplemented() {
        CapabilityStatement capability = CONTEXT.newRestfulGenericClient(base).capabilities()
                .ofType(CapabilityStatement.class).execute();
        List<String> types = capability.getRestFirstRep().getResource().stream().map(r -> r.getType()).toList();
        assertThat(types).contains("Patient", "DocumentReference", "Bundle", "Binary", "MedicationRequest",
                "MedicationDispense");
        var patient = capability.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Patient"))
                .findFirst().orElseThrow();
        assertThat(patient.getOperation()).extracting(o -> o.getName()).contains("summary", "match");
        assertThat(patient.getInteraction()).extracting(i -> i.getCode().toCode()).containsExactly("search-type");
    }

    @Test
    void identifiesThePatientByInsWithSamlAssertions() {
        Bundle found = saml(doctor(), null).search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier("urn:oid:" + TEST_NIR, BERTHELOT))
                .returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).hasSize(1);
        Patient patient = (Patient) found.getEntryFirstRep().getResource();
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(BERTHELOT);
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("BERTHELOT");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1984-05-12");
    }

    @Test
    void unknownInsIsAnEmptySearchNotAnError() {
        Bundle found = saml(doctor(), null).search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier("urn:oid:" + TEST_NIR, "999999999999999"))
                .returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).isEmpty();
    }

    /** Identification policy (docs/security.md): INS, or family name, a given name and the birth date together. */
    @Test
    void matchReturnsOneCertainMatchForStrongTraitsAndRefusesWeakOnes() {
        Patient byName = new Patient();
        byName.addName().setFamily("Lefèvre").addGiven("Mathis");
        byName.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("2001-08-19"));
        Bundle match = bearer(doctor(), null).operation().onType(Patient.class).named("$match")
                .withParameter(Parameters.class, "resource", byName).returnResourceType(Bundle.class).execute();
        assertThat(match.getEntry()).hasSize(1);
        assertThat(match.getEntryFirstRep().getSearch().getScore().doubleValue()).isEqualTo(1.0);

        Patient nameAndBirthDate = new Patient();
        nameAndBirthDate.addName().setFamily("Lefèvre");
        nameAndBirthDate.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("2001-08-19"));
        Patient familyOnly = new Patient();
        familyOnly.addName().setFamily("MARTIN");
        for (Patient weak : List.of(nameAndBirthDate, familyOnly)) {
            assertRefused(() -> bearer(doctor(), null).operation().onType(Patient.class).named("$match")
                    .withParameter(Parameters.class, "resource", weak).returnResourceType(Bundle.class).execute(),
                    400, null);
        }
    }

    @Test
    void summaryIsAnIpsDocumentWithEtagAndNotModified() throws Exception {
        Bundle bundle = summary(saml(doctor(), BERTHELOT), BERTHELOT);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(bundle.getEntryFirstRep().getResource()).isInstanceOf(Composition.class);
        assertThat(bundle.getIdElement().getIdPart()).startsWith("2.25.");

        Map<String, String> headers = CrossBorderRequesters.samlHeaders(PKI.signer("BE"), doctor(),
                CrossBorderRequesters.trcPatient(TEST_NIR, BERTHELOT));
        HttpResponse<String> first = get("/Patient/" + patientId(BERTHELOT) + "/$summary?_format=xml", headers, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+xml");
        assertThat(first.body()).startsWith("<Bundle");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get("/Patient/" + patientId(BERTHELOT) + "/$summary?_format=xml",
                CrossBorderRequesters.samlHeaders(PKI.signer("BE"), doctor(),
                        CrossBorderRequesters.trcPatient(TEST_NIR, BERTHELOT)), etag);
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void typeLevelSummaryByIdentifierWithBearerTokenAndLanguage() throws Exception {
        Bundle bundle = bearer(doctor(), ODILE_MARTIN).operation().onType(Patient.class).named("$summary")
                .withSearchParameter(Parameters.class, "identifier",
                        new ca.uhn.fhir.rest.param.TokenParam("urn:oid:" + TEST_NIR, ODILE_MARTIN))
                .returnResourceType(Bundle.class).useHttpGet().execute();
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        HttpResponse<String> english = get("/Patient/$summary?identifier=urn:oid:" + TEST_NIR + "%7C" + ODILE_MARTIN,
                Map.of("Authorization", CrossBorderRequesters.bearer(PKI.signer("BE"), doctor(),
                        CrossBorderRequesters.trcPatient(TEST_NIR, ODILE_MARTIN), CrossBorderRequesters.AUDIENCE, 300),
                        "Accept-Language", "en"), null);
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Language")).contains("en");
    }

    @Test
    void documentsAreListedAndReadableAsBundleAndBinary() {
        IGenericClient client = saml(doctor(), BERTHELOT);
        Bundle listed = client.search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasChainedProperty(
                        Patient.IDENTIFIER.exactly().systemAndIdentifier("urn:oid:" + TEST_NIR, BERTHELOT)))
                .and(DocumentReference.TYPE.exactly().systemAndCode("http://loinc.org", "60591-5"))
                .returnBundle(Bundle.class).execute();
        assertThat(listed.getEntry()).hasSize(1);
        DocumentReference reference = (DocumentReference) listed.getEntryFirstRep().getResource();
        String id = reference.getIdElement().getIdPart();
        assertThat(reference.getContent()).extracting(c -> c.getAttachment().getUrl())
                .contains("Bundle/" + id, "Binary/cda-" + id, "Binary/pdf-" + id);

        Bundle document = client.read().resource(Bundle.class).withId(id).execute();
        assertThat(document.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        Binary pivot = client.read().resource(Binary.class).withId("cda-" + id).execute();
        assertThat(new String(pivot.getData(), java.nio.charset.StandardCharsets.UTF_8)).contains("ClinicalDocument")
                .contains("1.3.6.1.4.1.12559.11.10.1.3.1.1.3");

        // MHD's search by patient id finds what the chained identifier finds: the summary and the prescription's
        // offers (item by item; DocumentReferenceOffersEndToEndTest reads each one back).
        Bundle mhd = saml(doctor(), BERTHELOT).search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasId("Patient/" + patientId(BERTHELOT)))
                .returnBundle(Bundle.class).execute();
        Bundle chained = saml(doctor(), BERTHELOT).search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasChainedProperty(
                        Patient.IDENTIFIER.exactly().systemAndIdentifier("urn:oid:" + TEST_NIR, BERTHELOT)))
                .returnBundle(Bundle.class).execute();
        assertThat(mhd.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .contains(id).hasSizeGreaterThan(1)
                .isEqualTo(chained.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList());
    }

    @Test
    void searchesPageStatelesslyWithCountAndNextLinks() throws Exception {
        IGenericClient client = saml(doctor(), BERTHELOT);
        List<String> all = client.search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasId("Patient/" + patientId(BERTHELOT)))
                .returnBundle(Bundle.class).execute().getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart()).toList();
        assertThat(all).hasSizeGreaterThan(2);
        Bundle first = saml(doctor(), BERTHELOT).search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasId("Patient/" + patientId(BERTHELOT)))
                .count(1).returnBundle(Bundle.class).execute();
        assertThat(first.getTotal()).isEqualTo(all.size());
        assertThat(first.getEntry()).hasSize(1);
        assertThat(first.getLink(Bundle.LINK_PREV)).isNull();
        assertThat(first.getLink(Bundle.LINK_NEXT).getUrl()).contains("_offset=1").contains("_count=1");
        List<String> paged = new java.util.ArrayList<>();
        Bundle page = first;
        while (true) {
            assertThat(page.getEntry()).hasSize(1);
            paged.add(page.getEntryFirstRep().getResource().getIdElement().getIdPart());
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                break;
            }
            page = saml(doctor(), BERTHELOT).loadPage().next(page).execute();
        }
        assertThat(page.getLink(Bundle.LINK_PREV).getUrl()).contains("_offset=" + (all.size() - 2));
        assertThat(paged).doesNotHaveDuplicates().isEqualTo(all);

        // MedicationRequest: the page counts prescription items; their Medications come along, uncounted.
        Bundle items = saml(doctor().withRole("2262", "Pharmacists"), LAMBERTIN).search()
                .forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId("Patient/" + patientId(LAMBERTIN)))
                .include(MedicationRequest.INCLUDE_MEDICATION).count(1).returnBundle(Bundle.class).execute();
        assertThat(items.getEntry()).filteredOn(e -> e.getResource() instanceof MedicationRequest).hasSize(1);
        assertThat(items.getEntry()).filteredOn(e -> e.getResource() instanceof Medication).hasSize(1);
        if (items.getTotal() > 1) {
            assertThat(items.getLink(Bundle.LINK_NEXT)).isNotNull();
        }

        for (String bad : List.of("_count=-1", "_offset=-1")) {
            HttpResponse<String> refused = get("/DocumentReference?patient=Patient/" + patientId(BERTHELOT) + "&" + bad,
                    CrossBorderRequesters.samlHeaders(PKI.signer("BE"), doctor(),
                            CrossBorderRequesters.trcPatient(TEST_NIR, BERTHELOT)), null);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).contains("OperationOutcome").contains(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void prescriptionsIncludeMedicationsAndADispenseIsRecordedOnce() throws Exception {
        String pharmacist = "BE";
        HcpClaims claims = doctor().withRole("2262", "Pharmacists");
        IGenericClient client = saml(claims, BERTHELOT);
        Bundle prescriptions = client.search().forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId("Patient/" + patientId(BERTHELOT)))
                .and(MedicationRequest.STATUS.exactly().code("active"))
                .include(MedicationRequest.INCLUDE_MEDICATION)
                .returnBundle(Bundle.class).execute();
        List<MedicationRequest> items = prescriptions.getEntry().stream().map(e -> e.getResource())
                .filter(MedicationRequest.class::isInstance).map(MedicationRequest.class::cast).toList();
        assertThat(items).isNotEmpty();
        assertThat(prescriptions.getEntry()).anyMatch(e -> e.getResource() instanceof Medication
                && e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE);
        // The posology phase by phase, and the weight, height and pregnancy status the prescriber recorded, contained.
        assertThat(items.get(0).getDosageInstruction()).extracting(d -> d.getSequence()).containsExactly(1, 2);
        assertThat(items.get(0).getSupportingInformation()).hasSize(3).allSatisfy(r ->
                assertThat(r.getReference()).startsWith("#"));
        assertThat(items.get(0).getContained()).filteredOn(org.hl7.fhir.r4.model.Observation.class::isInstance)
                .hasSize(3);
        String itemId = items.get(0).getIdElement().getIdPart();

        String identifier = "urn:uuid:" + java.util.UUID.randomUUID();
        MedicationDispense dispense = dispense(itemId, identifier);
        var created = saml(claims, BERTHELOT).create().resource(dispense).execute();
        assertThat(created.getCreated()).isTrue();
        StoredDispensation stored = storedDispensation("urn:ietf:rfc:3986|" + identifier).orElseThrow();
        assertIsTheEdispMedOf(stored, BERTHELOT);
        var again = saml(claims, BERTHELOT).create().resource(dispense).execute();
        assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(again.getId().getIdPart()).isEqualTo(created.getId().getIdPart());
        assertThat(storedDispensation("urn:ietf:rfc:3986|" + identifier).orElseThrow().document())
                .isEqualTo(stored.document());
        assertThat(app.getBean(NationalHealthSpace.class).prescriptionLines(stored.prescriptionId()))
                .filteredOn(line -> line.lineId().equals(stored.lineId()))
                .singleElement().satisfies(line -> assertThat(line.dispensationId())
                        .isEqualTo("urn:ietf:rfc:3986|" + identifier));

        Bundle completed = saml(claims, BERTHELOT).search().forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId("Patient/" + patientId(BERTHELOT)))
                .and(MedicationRequest.STATUS.exactly().code("completed"))
                .returnBundle(Bundle.class).execute();
        assertThat(completed.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(itemId);

        assertRefused(() -> saml(claims, BERTHELOT).create()
                        .resource(dispense(itemId, "urn:uuid:" + java.util.UUID.randomUUID())).execute(),
                422, "4106");

        // The transaction form answers a resubmission of the same dispense like the first (idempotent).
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction.addEntry().setResource(dispense).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl("MedicationDispense");
        Bundle answer = saml(claims, BERTHELOT).transaction().withBundle(transaction).execute();
        assertThat(answer.getEntryFirstRep().getResponse().getStatus()).startsWith("200");
        assertThat(answer.getEntryFirstRep().getResponse().getLocation())
                .contains(created.getId().getIdPart());
        assertThat(pharmacist).isEqualTo("BE");
    }

    record StoredDispensation(String prescriptionId, String lineId, byte[] document) {
    }

    static java.util.Optional<StoredDispensation> storedDispensation(String key) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(app.getBean(javax.sql.DataSource.class))
                .sql("SELECT prescription_id, line_id, document FROM hs_dispensation WHERE dispensation_id = ?")
                .param(key)
                .query((rs, row) -> new StoredDispensation(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    /**
     * The checks the XDR road's eDISP-MED passes (translation's EdispMedTest): a French eDISP-MED, its dispensed
     * line pointing at the prescribed line and its inFulfillmentOf at the prescription, about the patient the TRC
     * named, with the dispensed product's ATC code. (Its ANS schematron run is MedicationDispenseEdispMedTest's.)
     */
    static void assertIsTheEdispMedOf(StoredDispensation stored, String ins) throws Exception {
        assertThat(stored.document()).as("eDISP-MED stored with the dispensation").isNotNull();
        CdaDocument french = new CdaReader().read(stored.document());
        assertThat(french.format()).isEqualTo(DocumentFormat.EDISP_MED);
        assertThat(french.entries(SectionKind.DISPENSED)).singleElement().isInstanceOfSatisfying(
                ClinicalEntry.DispensedLine.class, line -> {
                    assertThat(line.prescriptionLineId()).isEqualTo(stored.lineId());
                    assertThat(line.product().atc().code()).isEqualTo("N02BE01");
                });
        assertThat(french.header().inFulfillmentOf()).extracting(id -> id.extension() == null ? id.root()
                : id.root() + "^" + id.extension()).containsExactly(stored.prescriptionId());
        assertThat(french.header().patient().ids()).anySatisfy(id -> {
            assertThat(id.root()).isEqualTo(TEST_NIR);
            assertThat(id.extension()).isEqualTo(ins);
        });
    }

    @Test
    void aBadDispenseIsRefusedWithWhatIsWrongAndNothingIsRecorded() throws Exception {
        HcpClaims claims = doctor().withRole("2262", "Pharmacists");
        String itemId = saml(claims, LEFEVRE).search().forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId("Patient/" + patientId(LEFEVRE)))
                .returnBundle(Bundle.class).execute().getEntry().stream().map(e -> e.getResource())
                .filter(MedicationRequest.class::isInstance).findFirst().orElseThrow().getIdElement().getIdPart();
        List<Map.Entry<String, java.util.function.Consumer<MedicationDispense>>> defects = List.of(
                Map.entry("medication", d -> d.setMedication(null).getContained().clear()),
                Map.entry("medication", d -> d.getContained().clear()),
                Map.entry("identifier", d -> d.getIdentifier().clear()),
                Map.entry("whenHandedOver", d -> d.setWhenHandedOverElement(null)),
                Map.entry("authorizingPrescription", d -> d.addAuthorizingPrescription(
                        new Reference("MedicationRequest/" + itemId))),
                Map.entry("MedicationRequest of this server", d -> d.getAuthorizingPrescription().set(0,
                        new Reference("MedicationRequest/not-an-item"))));
        for (var defect : defects) {
            String identifier = "urn:uuid:" + java.util.UUID.randomUUID();
            MedicationDispense dispense = dispense(itemId, identifier);
            dispense.setSubject(new Reference("Patient/" + patientId(LEFEVRE)));
            defect.getValue().accept(dispense);
            assertThatThrownBy(() -> saml(claims, LEFEVRE).create().resource(dispense).execute())
                    .as(defect.getKey()).isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(422);
                        assertThat(((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                                .contains(defect.getKey());
                    });
            assertThat(storedDispensation("urn:ietf:rfc:3986|" + identifier)).isEmpty();
        }
        // Not a MedicationDispense at all: 400, never a server error.
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/MedicationDispense"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"MedicationDispense\",\"status\":"));
        CrossBorderRequesters.samlHeaders(PKI.signer("BE"), claims, CrossBorderRequesters.trcPatient(TEST_NIR, LEFEVRE))
                .forEach(post::header);
        HttpResponse<String> garbled = HttpClient.newHttpClient().send(post.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("OperationOutcome").doesNotContain("\tat ");
        assertThat(saml(claims, LEFEVRE).search().forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId("Patient/" + patientId(LEFEVRE)))
                .and(MedicationRequest.STATUS.exactly().code("completed"))
                .returnBundle(Bundle.class).execute().getEntry()).isEmpty();
    }

    /** A dispense as an HL7 Europe MPD MedicationDispense carries it: the product as a contained Medication. */
    MedicationDispense dispense(String itemId, String identifier) {
        return handingOverThePrescribed(dispense(itemId, identifier, "Patient/" + patientId(BERTHELOT)), app, itemId);
    }

    /**
     * The dispense hands over the very product the item prescribes (its French product code and ATC class, read
     * from the French prescription), as a pharmacist does who gives what was prescribed: the gateway checks the
     * dispensed product against the line (exchange.SubstitutionRule).
     */
    static MedicationDispense handingOverThePrescribed(MedicationDispense dispense, ConfigurableApplicationContext app,
                                                       String itemId) {
        FhirIds.Item item = FhirIds.item(itemId).orElseThrow();
        String prescriptionId = FhirIds.uniqueIdOf(item.documentId());
        NationalHealthSpace healthSpace = app.getBean(NationalHealthSpace.class);
        String lineId = healthSpace.prescriptionLines(prescriptionId).get(item.position() - 1).lineId();
        fr.passerelle.translation.cda.ClinicalEntry.Product product;
        try {
            product = new fr.passerelle.translation.cda.CdaReader()
                    .read(healthSpace.retrieve(prescriptionId).orElseThrow().content())
                    .entries(fr.passerelle.translation.cda.SectionKind.PRESCRIPTIONS).stream()
                    .filter(fr.passerelle.translation.cda.ClinicalEntry.PrescriptionLine.class::isInstance)
                    .map(fr.passerelle.translation.cda.ClinicalEntry.PrescriptionLine.class::cast)
                    .filter(line -> lineId.equals(line.id())).findFirst().orElseThrow().product();
        } catch (fr.passerelle.translation.TranslationException e) {
            throw new IllegalStateException(e);
        }
        Medication medication = (Medication) dispense.getContained().get(0);
        medication.getCode().getCoding().clear();
        if (product.code() != null && product.code().isCoded()) {
            medication.getCode().addCoding().setSystem("urn:oid:" + product.code().codeSystem())
                    .setCode(product.code().code());
        }
        if (product.atc() != null && product.atc().isCoded()) {
            medication.getCode().addCoding().setSystem("http://www.whocc.no/atc").setCode(product.atc().code());
        }
        return dispense;
    }

    static MedicationDispense dispense(String itemId, String identifier, String subject) {
        MedicationDispense dispense = new MedicationDispense();
        dispense.addIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue(identifier));
        dispense.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
        dispense.setSubject(new Reference(subject));
        dispense.addAuthorizingPrescription(new Reference("MedicationRequest/" + itemId));
        dispense.setWhenHandedOverElement(new DateTimeType("2026-11-20T10:15:00+01:00"));
        dispense.addPerformer().getActor().setDisplay("Apotheek Demo, Brussel");
        Medication medication = new Medication();
        medication.setId("dispensed");
        medication.getCode().setText("Paracetamol 500 mg tablet").addCoding().setSystem("http://www.whocc.no/atc")
                .setCode("N02BE01").setDisplay("paracetamol");
        medication.getForm().addCoding().setSystem("http://standardterms.edqm.eu").setCode("10219000")
                .setDisplay("Tablet");
        dispense.addContained(medication);
        dispense.setMedication(new Reference("#dispensed"));
        dispense.getQuantity().setValue(1).setUnit("box");
        return dispense;
    }

    // --- refused ---

    @Test
    void noCredentialsIs401() {
        assertRefused(() -> CONTEXT.newRestfulGenericClient(base).search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier("urn:oid:" + TEST_NIR, BERTHELOT))
                .returnBundle(Bundle.class).execute(), 401, "ERROR_HPI_AUTHENTICATION_NOT_RECEIVED");
    }

    @Test
    void aRefusedCredentialIsChallengedAndBothCredentialsAtOnceIsSecGeneric() throws Exception {
        String search = "/Patient?identifier=urn:oid:" + TEST_NIR + "%7C" + BERTHELOT;
        HttpResponse<String> none = get(search, Map.of(), null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer "));
        assertThat(none.body()).contains("ERROR_HPI_AUTHENTICATION_NOT_RECEIVED");

        Map<String, String> both = new java.util.HashMap<>(CrossBorderRequesters.samlHeaders(PKI.signer("BE"), doctor(), null));
        both.put("Authorization", CrossBorderRequesters.bearer(PKI.signer("BE"), doctor(), null,
                CrossBorderRequesters.AUDIENCE, 300));
        HttpResponse<String> twice = get(search, both, null);
        assertThat(twice.statusCode()).isEqualTo(401);
        assertThat(twice.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(twice.body()).contains("ERROR_SEC_GENERIC").contains("header: send either a bearer token");

        // A believed requester without the rights is 403, without a challenge.
        HcpClaims nurse = doctor().withRole("3221", "Nursing associate professionals");
        HttpResponse<String> forbidden = get("/Patient/" + patientId(BERTHELOT) + "/$summary",
                CrossBorderRequesters.samlHeaders(PKI.signer("BE"), nurse,
                        CrossBorderRequesters.trcPatient(TEST_NIR, BERTHELOT)), null);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(forbidden.body()).contains("4703");
    }

    @Test
    void untrustedSignerIs401() {
        CountrySigner rogue = DemoPki.selfSigned("BE", DemoPki.signerSubject("BE"), Instant.now().minusSeconds(3600),
                Instant.now().plusSeconds(86_400));
        IGenericClient client = client(() -> CrossBorderRequesters.samlHeaders(rogue, doctor(), null));
        assertRefused(() -> client.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier("urn:oid:" + TEST_NIR, BERTHELOT))
                .returnBundle(Bundle.class).execute(), 401, "ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED");
        IGenericClient token = client(() -> Map.of("Authorization", CrossBorderRequesters.bearer(rogue, doctor(),
                null, CrossBorderRequesters.AUDIENCE, 300)));
        assertRefused(() -> token.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier("urn:oid:" + TEST_NIR, BERTHELOT))
                .returnBundle(Bundle.class).execute(), 401, "ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED");
    }

    @Test
    void tokenForAnotherAudienceOrTooLongIs401() {
        IGenericClient other = client(() -> Map.of("Authorization", CrossBorderRequesters.bearer(PKI.signer("BE"),
                doctor(), null, "urn:some:other:gateway", 300)));
        assertRefused(() -> other.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier("urn:oid:" + TEST_NIR, BERTHELOT))
                .returnBundle(Bundle.class).execute(), 401, "ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED");
        IGenericClient longLived = client(() -> Map.of("Authorization", CrossBorderRequesters.bearer(PKI.signer("BE"),
                doctor(), null, CrossBorderRequesters.AUDIENCE, 3600)));
        assertRefused(() -> longLived.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndIdentifier("urn:oid:" + TEST_NIR, BERTHELOT))
                .returnBundle(Bundle.class).execute(), 401, "ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED");
    }

    @Test
    void roleWithoutRightsIs403() {
        HcpClaims nurse = doctor().withRole("3221", "Nursing associate professionals");
        assertRefused(() -> summary(saml(nurse, BERTHELOT), BERTHELOT), 403, "4703");
        assertRefused(() -> summary(bearer(nurse, BERTHELOT), BERTHELOT), 403, "4703");
    }

    @Test
    void documentAccessWithoutTreatmentRelationshipIs403() {
        assertRefused(() -> summary(bearer(doctor(), null), BERTHELOT), 403, "1002");
    }

    @Test
    void treatmentConfirmedForAnotherPatientIs403With4206() {
        assertRefused(() -> summary(saml(doctor(), LAMBERTIN), BERTHELOT), 403, "4206");
    }

    @Test
    void blockedProfessionalIs403() {
        HcpClaims blocked = new HcpClaims("2.16.17.710.850.1000.990.1^HCP-BE-0042", "Blocked Doctor", "221",
                "Medical Doctors", "Hospital BE", "urn:hl7ii:1.2.3.4:BE-HOSP-1", "Hospital", "ED",
                "urn:oid:1.2.3.4.99", PurposeOfUse.TREATMENT, doctor().permissions(), Duration.ofHours(1));
        assertRefused(() -> summary(saml(blocked, LEFEVRE), LEFEVRE), 403, "4703");
    }

    @Test
    void emergencyAccessOpposedByThePatientIs403() {
        HcpClaims emergency = doctor().withPurpose(PurposeOfUse.EMERGENCY);
        assertRefused(() -> summary(saml(emergency, ROCHEFORT), ROCHEFORT), 403, "4703");
    }

    @Test
    void revokedConsentIs403With4701AndAudited() {
        app.getBean(ConsentStore.class).change(new Ins(TEST_NIR, LEA_MARTIN),
                new ConsentChange.Revoke("test", ConsentChannel.OPERATOR));
        assertRefused(() -> summary(saml(doctor(), LEA_MARTIN), LEA_MARTIN), 403, "4701");
    }

    @Test
    void maskedDocumentIsNotFoundEvenByItsId() {
        NationalHealthSpace healthSpace = app.getBean(NationalHealthSpace.class);
        DocumentEntry masked = healthSpace.documents(new Ins(TEST_NIR, LAMBERTIN), DocumentKind.PATIENT_SUMMARY)
                .stream().filter(DocumentEntry::masked).findFirst().orElseThrow();
        String id = masked.uniqueId().replace('^', '-');
        assertRefused(() -> saml(doctor(), LAMBERTIN).read().resource(Binary.class).withId("cda-" + id).execute(),
                404, "ERROR_GENERIC_DOCUMENT_MISSING");
        Bundle listed = saml(doctor(), LAMBERTIN).search().forResource(DocumentReference.class)
                .where(DocumentReference.PATIENT.hasChainedProperty(
                        Patient.IDENTIFIER.exactly().systemAndIdentifier("urn:oid:" + TEST_NIR, LAMBERTIN)))
                .returnBundle(Bundle.class).execute();
        assertThat(listed.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .isNotEmpty().doesNotContain(id);
    }

    @Test
    void documentSearchWithoutPatientIs400() {
        assertRefused(() -> saml(doctor(), BERTHELOT).search().forResource(DocumentReference.class)
                .where(DocumentReference.TYPE.exactly().systemAndCode("http://loinc.org", "60591-5"))
                .returnBundle(Bundle.class).execute(), 400, null);
    }

    @Test
    void aReadOfAnUnknownDocumentIdIsAuditedWithoutAPatient() {
        String correlation = "unknown-read-" + java.util.UUID.randomUUID();
        IGenericClient client = client(() -> Map.of("Authorization", CrossBorderRequesters.bearer(PKI.signer("BE"),
                doctor(), CrossBorderRequesters.trcPatient(TEST_NIR, BERTHELOT), CrossBorderRequesters.AUDIENCE, 300),
                "X-Correlation-Id", correlation));

        assertRefused(() -> client.read().resource(org.hl7.fhir.r4.model.Binary.class)
                .withId("cda-2.25.123456789").execute(), 404, null);

        var rows = org.springframework.jdbc.core.simple.JdbcClient.create(app.getBean(javax.sql.DataSource.class))
                .sql("SELECT outcome, deciding_rule, error_code, patient_oid, patient_value, requesting_country "
                        + "FROM audit_record WHERE correlation_id = ?").param(correlation).query().listOfRows();
        assertThat(rows).singleElement().satisfies(row -> {
            var upper = new java.util.HashMap<String, Object>();
            row.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
            assertThat(upper).containsEntry("OUTCOME", "REFUSED").containsEntry("DECIDING_RULE", "UNKNOWN_RESOURCE")
                    .containsEntry("PATIENT_OID", "").containsEntry("PATIENT_VALUE", "")
                    .containsEntry("REQUESTING_COUNTRY", "BE");
            assertThat(String.valueOf(upper.get("ERROR_CODE"))).isNotEmpty();
        });
    }

    @Test
    void summaryOfAnUnknownPatientIs404AuditedUnderTheInsNamedAndNeverLogged() {
        String unknown = "999999999999999";
        String correlation = "unknown-summary-" + java.util.UUID.randomUUID();
        IGenericClient client = client(() -> {
            Map<String, String> headers = new java.util.HashMap<>(CrossBorderRequesters.samlHeaders(PKI.signer("BE"),
                    doctor(), CrossBorderRequesters.trcPatient(TEST_NIR, unknown)));
            headers.put("X-Correlation-Id", correlation);
            return headers;
        });
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            assertRefused(() -> summary(client, unknown), 404, "ERROR_PI_NO_MATCH");
        } finally {
            root.detachAppender(logs);
        }

        javax.sql.DataSource data = app.getBean(javax.sql.DataSource.class);
        var rows = org.springframework.jdbc.core.simple.JdbcClient.create(data)
                .sql("SELECT outcome, deciding_rule, error_code, patient_oid, patient_value, transaction_kind "
                        + "FROM audit_record WHERE correlation_id = ?").param(correlation).query().listOfRows();
        assertThat(rows).singleElement().satisfies(row -> {
            var upper = new java.util.HashMap<String, Object>();
            row.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
            assertThat(upper).containsEntry("OUTCOME", "REFUSED").containsEntry("DECIDING_RULE", "NO_MATCHING_PATIENT")
                    .containsEntry("ERROR_CODE", "ERROR_PI_NO_MATCH").containsEntry("PATIENT_OID", TEST_NIR)
                    .containsEntry("PATIENT_VALUE", unknown).containsEntry("TRANSACTION_KIND", "DOCUMENT_RETRIEVE");
        });
        assertThat(new fr.passerelle.gateway.audit.AuditChainVerifier(data).verify())
                .isInstanceOf(fr.passerelle.gateway.audit.ChainVerification.Intact.class);
        assertThat(logs.list).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(unknown);
            assertThat(String.valueOf(event.getMDCPropertyMap())).doesNotContain(unknown);
        });
    }

    @Test
    void unsupportedProfileIs400() {
        assertRefused(() -> saml(doctor(), BERTHELOT).operation().onInstance("Patient/" + patientId(BERTHELOT))
                .named("$summary").withParameter(Parameters.class, "profile",
                        new org.hl7.fhir.r4.model.UriType("http://example.org/StructureDefinition/other"))
                .returnResourceType(Bundle.class).useHttpGet().execute(), 400, null);
    }

    static void assertRefused(Runnable call, int status, String ehdsiCode) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BaseServerResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(status);
            OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
            assertThat(outcome).isNotNull();
            assertThat(outcome.getIssueFirstRep().getDiagnostics()).doesNotContain("Exception").doesNotContain("\tat ");
            if (ehdsiCode != null) {
                assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo(ehdsiCode);
            }
        });
    }

    static HttpResponse<String> get(String path, Map<String, String> headers, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(request::header);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

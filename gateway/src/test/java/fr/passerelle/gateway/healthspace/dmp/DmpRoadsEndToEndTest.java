package fr.passerelle.gateway.healthspace.dmp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.Multipart;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.gateway.soap.SoapHttp;
import fr.passerelle.gateway.soap.SoapMessages;
import fr.passerelle.gateway.testsupport.TestGateway;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.xml.XmlSerializer;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Both roads with {@code passerelle.health-space=dmp}, end to end: the gateway on a random port, a foreign NCP's
 * signed requests over HTTP, and a WireMock DMP answering from the ANS XDS metadata examples and CDA samples. Checks
 * what the foreign NCP got and what the DMP received: a signed VIHF naming the foreign practitioner and the patient
 * on every call, the TD0.2 check and XDS queries for the right patient and document, and the eDISP-MED submitted.
 */
class DmpRoadsEndToEndTest {

    private static final String HOME = "1.2.250.1.213.4.1.99";
    private static final Ins PATIENT = DmpFixtures.PATIENT;
    private static final String PATIENT_CX = SoapMessages.cx(PATIENT);
    private static final String EP_ID = "1.2.250.1.213.1.1.1.39.2024.2.1";
    private static final String EDISP_ID = "1.2.250.1.213.1.1.1.54.2024.1.1";
    private static final String LINE_1 = "AADC9C14-F1CA-4177-B2C8-A5178D5B3CA0";
    private static final String LINE_2 = "BBDC9C14-F1CA-4177-B2C8-A5178D5B3DB1";
    private static final DemoPki PKI = DemoPki.generate(Instant.now(), Duration.ofDays(30), List.of("ES"));
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @TempDir
    static Path home;
    private static WireMockDmp dmp;
    private static ConfigurableApplicationContext app;
    private static int port;
    private static byte[] ips;
    private static byte[] ePrescription;

    @BeforeAll
    static void start() throws Exception {
        DmpTestPki pki = DmpTestPki.create(Files.createDirectories(home.resolve("dmp-keys")));
        dmp = new WireMockDmp(pki);
        stubDmp();
        TestGateway gateway = TestGateway.trusting(PKI, home, DmpFixtures.applicationArguments(pki, dmp.baseUrl(),
                "--passerelle.soap.home-community-id=" + HOME,
                // Generous: the build machine is shared; the DMP stub answers at once.
                "--passerelle.dmp.resilience.read-timeout=20s"));
        app = gateway.context();
        port = gateway.port();
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (dmp != null) {
            dmp.stop();
        }
    }

    @BeforeEach
    void forgetRequests() {
        dmp.resetRequests();
    }

    /**
     * The DMP holds the ANS IPS-FR, the eP-MED-DM (its two items given distinct ids) and an eDISP-MED that dispensed
     * the first item, all for the examples' patient.
     */
    private static void stubDmp() {
        ips = DmpFixtures.cda(DmpFixtures.IPS);
        ePrescription = DmpFixtures.replaceFirst(DmpFixtures.cda(DmpFixtures.EP),
                "<id root=\"" + LINE_1 + "\"/>", "<id root=\"" + LINE_2 + "\"/>", 1);
        byte[] eDispensation = DmpFixtures.replaceFirst(DmpFixtures.cda(DmpFixtures.EDISP),
                "1.2.250.1.213.1.1.1.39.12345.1", EP_ID, 0);
        Element ipsEntry = DmpFixtures.entry(DmpFixtures.IPS, ips);
        Element epEntry = DmpFixtures.entry(DmpFixtures.EP, ePrescription);
        Element edispEntry = DmpFixtures.entry(DmpFixtures.EDISP, eDispensation);
        DmpFixtures.setPatient(edispEntry, PATIENT);

        dmp.stubFor(post(urlEqualTo("/patient"))
                .willReturn(WireMockDmp.soap(DmpFixtures.patientCheckResponse("OK", "active"))));
        dmp.stubFor(post(urlEqualTo("/registry")).atPriority(5)
                .withRequestBody(containing(XdsVocabulary.FIND_DOCUMENTS))
                .willReturn(WireMockDmp.soap(DmpFixtures.queryResponse(List.of(ipsEntry, epEntry, edispEntry)))));
        // GetDocuments: the entry asked for, or none (a new dispensation's id is unknown until submitted).
        dmp.stubFor(post(urlEqualTo("/registry")).atPriority(9)
                .withRequestBody(containing(XdsVocabulary.GET_DOCUMENTS))
                .willReturn(WireMockDmp.soap(DmpFixtures.queryResponse(List.of()))));
        Map<String, Element> entries = Map.of(DmpFixtures.IPS_ID, ipsEntry, EP_ID, epEntry, EDISP_ID, edispEntry);
        Map<String, byte[]> documents = Map.of(DmpFixtures.IPS_ID, ips, EP_ID, ePrescription, EDISP_ID,
                eDispensation);
        entries.forEach((id, entry) -> dmp.stubFor(post(urlEqualTo("/registry")).atPriority(1)
                .withRequestBody(containing(XdsVocabulary.GET_DOCUMENTS)).withRequestBody(containing("('" + id + "')"))
                .willReturn(WireMockDmp.soap(DmpFixtures.queryResponse(List.of(entry))))));
        documents.forEach((id, bytes) -> dmp.stubFor(post(urlEqualTo("/repository")).atPriority(1)
                .withRequestBody(containing("DocumentUniqueId>" + id + "</"))
                .willReturn(aResponse().withHeader("Content-Type", DmpFixtures.MTOM_CONTENT_TYPE)
                        .withBody(DmpFixtures.retrieveResponse(id, bytes)))));
        dmp.stubFor(post(urlEqualTo("/repository")).atPriority(2)
                .withRequestBody(containing("ProvideAndRegisterDocumentSetRequest"))
                .willReturn(WireMockDmp.soap(DmpFixtures.registryResponse(XdsVocabulary.SUCCESS, null))));
    }

    // --- SOAP road ---

    @Test
    void soapRoadIdentifiesListsRetrievesAndDispensesThroughTheDmp() throws Exception {
        HcpClaims doctor = HcpClaims.demoDoctor("ES");

        HttpResponse<String> identification = soapPost("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                signedRequest(EhdsiOperation.PATIENT_DISCOVERY, xcpdBody(), false, doctor));
        assertThat(identification.statusCode()).as(identification.body()).isEqualTo(200);
        ReceivedXml xcpd = ReceivedXml.parse(identification.body());
        assertThat(xcpd.text("//hl7:acknowledgement/hl7:typeCode/@code")).isEqualTo("AA");
        assertThat(xcpd.text("//hl7:subject1/hl7:patient/hl7:id/@extension")).isEqualTo(PATIENT.value());
        Element check = request("/patient", "PRPA_IN201307UV02");
        assertThat(ReceivedXml.of(check).text("//hl7:parameterList/hl7:patientIdentifier/hl7:value/@extension"))
                .as("TD0.2 asks about the INS the foreign NCP sent").isEqualTo(PATIENT.value());

        HttpResponse<String> listing = soapPost("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                signedRequest(EhdsiOperation.CROSS_GATEWAY_QUERY, queryBody("60591-5"), true, doctor));
        assertThat(listing.statusCode()).as(listing.body()).isEqualTo(200);
        ReceivedXml query = ReceivedXml.parse(listing.body());
        assertThat(query.text("//query:AdhocQueryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        String pivot = "(//rim:ExtrinsicObject[rim:Classification[@classificationScheme="
                + "'urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d']/@nodeRepresentation='urn:epSOS:ps:ps:2010'])[1]";
        String uniqueId = query.text(pivot + "/rim:ExternalIdentifier[@identificationScheme="
                + "'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab']/@value");
        assertThat(uniqueId).as("the DMP's IPS-FR is offered as an eHDSI patient summary").startsWith(DmpFixtures.IPS_ID);
        Element find = request("/registry", XdsVocabulary.FIND_DOCUMENTS);
        assertThat(slot(find, "$XDSDocumentEntryPatientId")).isEqualTo("'" + PATIENT_CX + "'");
        assertThat(slot(find, "$XDSDocumentEntryStatus")).contains(XdsVocabulary.APPROVED);

        HttpResponse<byte[]> retrieved = SoapHttp.sendForBytes(port, "/xca", EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                signedRequest(EhdsiOperation.CROSS_GATEWAY_RETRIEVE, retrieveBody(uniqueId), true, doctor));
        assertThat(retrieved.statusCode()).isEqualTo(200);
        List<Multipart.Part> parts = Multipart.parse(retrieved);
        ReceivedXml response = ReceivedXml.parse(parts.get(0).text());
        assertThat(response.text("//rs:RegistryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        String cid = URLDecoder.decode(response.text("//xds:Document/xop:Include/@href").substring(4),
                StandardCharsets.UTF_8);
        byte[] translated = parts.stream().filter(p -> ("<" + cid + ">").equals(p.headers().get("content-id")))
                .findFirst().orElseThrow().content();
        assertThat(new String(translated, StandardCharsets.UTF_8)).contains("ClinicalDocument")
                .contains("1.3.6.1.4.1.12559.11.10.1.3.1.1.3");
        Element get = request("/registry", "('" + DmpFixtures.IPS_ID + "')");
        assertThat(slot(get, "$XDSDocumentEntryUniqueId")).isEqualTo("('" + DmpFixtures.IPS_ID + "')");
        Element retrieve = request("/repository", "RetrieveDocumentSetRequest");
        ReceivedXml retrieveXml = ReceivedXml.of(retrieve);
        assertThat(retrieveXml.text("//xds:DocumentRequest/xds:DocumentUniqueId")).isEqualTo(DmpFixtures.IPS_ID);
        assertThat(retrieveXml.text("//xds:DocumentRequest/xds:RepositoryUniqueId"))
                .isEqualTo(DmpFixtures.REPOSITORY_ID);

        HcpClaims pharmacist = doctor.withRole("2262", "Pharmacists");
        HttpResponse<String> dispensed = soapPost("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                signedRequest(EhdsiOperation.PROVIDE_AND_REGISTER, dispensationBody(EP_ID, LINE_2), true,
                        pharmacist));
        assertThat(dispensed.statusCode()).as(dispensed.body()).isEqualTo(200);
        assertThat(ReceivedXml.parse(dispensed.body()).text("//rs:RegistryResponse/@status")).as(dispensed.body())
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        assertSubmittedEdispMed(pharmacist);

        assertEveryDmpCallCarriesAVihfFor(doctor.practitionerName(), "ES");
    }

    /**
     * An eDispensation discard (XDR, class DISCARD-60593-1) deletes the eDISP-MED registered for it in the DMP (TD3.3c:
     * ITI-57 to status Deleted, the pharmacist's VIHF) and is audited; the DMP refusing the deletion (only a
     * document's author may delete it) is answered ERROR_ED_DISCARD_FAILED and audited as refused by the DMP.
     */
    @Test
    void soapRoadDiscardsADispensationByDeletingItsEdispMedInTheDmp() throws Exception {
        HcpClaims pharmacist = HcpClaims.demoDoctor("ES").withRole("2262", "Pharmacists");
        String deletedUuid = "urn:uuid:0b7c1c52-6f0e-4b57-9d7f-5a0e3f6c0001";
        String refusedUuid = "urn:uuid:0b7c1c52-6f0e-4b57-9d7f-5a0e3f6c0002";
        String discarded = registeredDispensation("dmp-discard-e2e", deletedUuid);
        String refused = registeredDispensation("dmp-discard-refused", refusedUuid);
        dmp.stubFor(post(urlEqualTo("/registry")).atPriority(1)
                .withRequestBody(containing("UpdateAvailabilityStatus")).withRequestBody(containing(deletedUuid))
                .willReturn(WireMockDmp.soap(DmpFixtures.registryResponse(XdsVocabulary.SUCCESS, null))));
        dmp.stubFor(post(urlEqualTo("/registry")).atPriority(1)
                .withRequestBody(containing("UpdateAvailabilityStatus")).withRequestBody(containing(refusedUuid))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", WireMockDmp.SOAP12).withBody(
                        "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsse=\""
                                + DmpErrorCodes.WSSE + "\"><env:Body><env:Fault><env:Code><env:Value>env:Sender"
                                + "</env:Value><env:Subcode><env:Value>wsse:FailedAuthentication</env:Value>"
                                + "</env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"fr\">seul l'auteur"
                                + "</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>")));

        HttpResponse<String> done = soapPost("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                signedRequest(EhdsiOperation.PROVIDE_AND_REGISTER, discardBody("dmp-discard-e2e"), true, pharmacist));

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(ReceivedXml.parse(done.body()).text("//rs:RegistryResponse/@status")).as(done.body())
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        ReceivedXml update = ReceivedXml.of(request("/registry", "UpdateAvailabilityStatus"));
        String association = "//rim:Association[@associationType="
                + "'urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus']";
        assertThat(update.text(association + "/@targetObject")).isEqualTo(deletedUuid);
        assertThat(update.text(association + "/rim:Slot[@name='NewStatus']/rim:ValueList/rim:Value"))
                .isEqualTo("urn:asip:ci-sis:2010:StatusType:Deleted");
        assertThat(update.text("//wsa:Action")).isEqualTo("urn:ihe:iti:2010:UpdateDocumentSet");
        assertThat(dmp.findAll(postRequestedFor(urlEqualTo("/repository"))
                .withRequestBody(containing("ProvideAndRegisterDocumentSetRequest")))).as("nothing is submitted")
                .isEmpty();
        assertEveryDmpCallCarriesAVihfFor(pharmacist.practitionerName(), "ES");
        assertThat(auditRows("%discarded:" + discarded + "%")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("OUTCOME", "SUCCESS")
                        .containsEntry("TRANSACTION_KIND", "DISPENSATION"));

        dmp.resetRequests();
        HttpResponse<String> turned = soapPost("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                signedRequest(EhdsiOperation.PROVIDE_AND_REGISTER, discardBody("dmp-discard-refused"), true,
                        pharmacist));

        assertThat(turned.statusCode()).as(turned.body()).isEqualTo(200);
        ReceivedXml answer = ReceivedXml.parse(turned.body());
        assertThat(answer.text("//rs:RegistryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure");
        assertThat(answer.text("//rs:RegistryError/@errorCode")).isEqualTo("ERROR_ED_DISCARD_FAILED");
        assertThat(answer.text("//rs:RegistryError/@codeContext")).contains("refused");
        assertThat(dmp.findAll(postRequestedFor(urlEqualTo("/registry"))
                .withRequestBody(containing("UpdateAvailabilityStatus")))).as("sent once, not retried").hasSize(1);
        assertThat(auditRows("%").stream().filter(row -> "DMP_ACCESS_REFUSED:UPDATE_DOCUMENT_SET"
                .equals(row.get("DECIDING_RULE")))).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("OUTCOME", "REFUSED").containsEntry("ERROR_CODE", "ERROR_ED_DISCARD_FAILED")
                .containsEntry("PATIENT_VALUE", PATIENT.value()));
        assertThat(refused).endsWith("^dmp-discard-refused");
    }

    /**
     * An XDR submission the road refuses before any use case — its patient id is not an INS, its eDispensation is not
     * a readable CDA — is audited before it is answered (without a patient), and the DMP is not called.
     */
    @Test
    void xdrRefusalsBeforeTheUseCasesAreAuditedWithoutAPatient() {
        HcpClaims pharmacist = HcpClaims.demoDoctor("ES").withRole("2262", "Pharmacists");
        String german = "B123456789^^^&1.2.276.0.76.3.1.580.147&ISO";
        String notIns = dispensationBody(EP_ID, LINE_2, "dmp-not-ins")
                .replace(PATIENT.value() + "^^^&amp;" + PATIENT.oid() + "&amp;ISO",
                        "B123456789^^^&amp;1.2.276.0.76.3.1.580.147&amp;ISO");
        HttpResponse<String> foreignId = soapPost("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                SoapMessages.signedRequest(new AssertionIssuer(PKI.signer("ES"), Clock.systemUTC()), pharmacist,
                        EhdsiOperation.PROVIDE_AND_REGISTER, notIns, Optional.of(german)));
        String unreadable = dispensationBody(EP_ID, LINE_2, "dmp-unreadable").replaceFirst(
                "(?s)(<xds:Document id=\"[^\"]+\">).*?(</xds:Document>)", "$1"
                        + Base64.getEncoder().encodeToString("<notACda/>".getBytes(StandardCharsets.UTF_8)) + "$2");
        HttpResponse<String> garbled = soapPost("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                signedRequest(EhdsiOperation.PROVIDE_AND_REGISTER, unreadable, true, pharmacist));

        assertThat(ReceivedXml.parse(foreignId.body()).text("//rs:RegistryError/@errorCode")).as(foreignId.body())
                .isEqualTo("ERROR_PI_NO_MATCH");
        assertThat(ReceivedXml.parse(garbled.body()).text("//rs:RegistryError/@errorCode")).as(garbled.body())
                .isEqualTo("ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE");
        List<Map<String, Object>> rows = auditRows("%");
        assertThat(rows.stream().filter(row -> "PATIENT_ID_NOT_INS".equals(row.get("DECIDING_RULE"))))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("OUTCOME", "REFUSED")
                        .containsEntry("ERROR_CODE", "ERROR_PI_NO_MATCH").containsEntry("PATIENT_VALUE", "")
                        .containsEntry("REQUESTING_COUNTRY", "ES"));
        assertThat(rows.stream().filter(row -> "EDISPENSATION_UNREADABLE".equals(row.get("DECIDING_RULE"))))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("OUTCOME", "REFUSED")
                        .containsEntry("ERROR_CODE", "ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE")
                        .containsEntry("PATIENT_VALUE", ""));
        assertThat(rows).noneSatisfy(row -> assertThat(String.valueOf(row)).contains("B123456789"));
        assertThat(dmp.findAll(postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/.*"))))
                .as("nothing reaches the DMP").isEmpty();
    }

    /** The DMP holds an eDISP-MED of the patient registered under the dispensation id of this discard. */
    private static String registeredDispensation(String extension, String entryUuid) {
        String id = "2.16.840.1.113883.2.25.3.4.1.4.1^" + extension;
        Element entry = DmpFixtures.entry(DmpFixtures.EDISP, DmpFixtures.cda(DmpFixtures.EDISP));
        DmpFixtures.setPatient(entry, PATIENT);
        DmpFixtures.setUniqueId(entry, id);
        entry.setAttribute("id", entryUuid);
        dmp.stubFor(post(urlEqualTo("/registry")).atPriority(1)
                .withRequestBody(containing(XdsVocabulary.GET_DOCUMENTS)).withRequestBody(containing("('" + id + "')"))
                .willReturn(WireMockDmp.soap(DmpFixtures.queryResponse(List.of(entry)))));
        return id;
    }

    /** OpenNCP's discard: the dispensed eDispensation sent again under class code DISCARD-60593-1. */
    private static String discardBody(String extension) {
        return dispensationBody(EP_ID, LINE_2, extension)
                .replace("nodeRepresentation=\"60593-1\"", "nodeRepresentation=\"DISCARD-60593-1\"");
    }

    private static List<Map<String, Object>> auditRows(String documentsLike) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(app.getBean(javax.sql.DataSource.class))
                .sql("SELECT * FROM audit_record WHERE transaction_kind = 'DISPENSATION' AND documents LIKE ?"
                        + " ORDER BY seq").param(documentsLike).query().listOfRows().stream().map(row -> {
                    Map<String, Object> upper = new java.util.HashMap<>();
                    row.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
                    return upper;
                }).toList();
    }

    // --- FHIR road ---

    @Test
    void fhirRoadAnswersTheSummaryAndThePrescriptionItemsFromTheDmp() throws Exception {
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        String patientId = app.getBean(fr.passerelle.gateway.fhir.crossborder.FhirPatientIds.class).idOf(PATIENT);

        Bundle summary = fhir(doctor).operation().onInstance("Patient/" + patientId).named("$summary")
                .withNoParameters(Parameters.class).returnResourceType(Bundle.class).useHttpGet().execute();
        assertThat(summary.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(summary.getEntryFirstRep().getResource()).isInstanceOf(Composition.class);
        assertThat(slot(request("/registry", XdsVocabulary.FIND_DOCUMENTS), "$XDSDocumentEntryPatientId"))
                .isEqualTo("'" + PATIENT_CX + "'");
        assertThat(ReceivedXml.of(request("/repository", "RetrieveDocumentSetRequest"))
                .text("//xds:DocumentRequest/xds:DocumentUniqueId")).isEqualTo(DmpFixtures.IPS_ID);

        HcpClaims pharmacist = doctor.withRole("2262", "Pharmacists");
        Bundle prescriptions = fhir(pharmacist).search().forResource(MedicationRequest.class)
                .where(MedicationRequest.PATIENT.hasId("Patient/" + patientId))
                .include(MedicationRequest.INCLUDE_MEDICATION).returnBundle(Bundle.class).execute();
        List<MedicationRequest> items = prescriptions.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(MedicationRequest.class::isInstance).map(MedicationRequest.class::cast).toList();
        assertThat(items).as("the eP-MED-DM's two items").hasSize(2);
        assertThat(items).extracting(item -> item.getStatus().toCode())
                .as("the DMP's eDISP-MED dispensed the first").containsExactlyInAnyOrder("completed", "active");
        assertThat(request("/registry", "('" + EP_ID + "')")).isNotNull();
        assertThat(request("/repository", "DocumentUniqueId>" + EDISP_ID)).as("the DMP's dispensation read")
                .isNotNull();

        assertEveryDmpCallCarriesAVihfFor(doctor.practitionerName(), "ES");
    }

    // --- what the DMP received ---

    /** One ITI-41 whose document entry is the patient's eDISP-MED, its CDA dispensing the open eP item. */
    private static void assertSubmittedEdispMed(HcpClaims pharmacist) throws Exception {
        List<LoggedRequest> submissions = dmp.findAll(postRequestedFor(urlEqualTo("/repository"))
                .withRequestBody(containing("ProvideAndRegisterDocumentSetRequest")));
        assertThat(submissions).hasSize(1);
        String body = new String(submissions.get(0).getBody(), StandardCharsets.UTF_8);
        Element envelope = envelopeOf(body);
        ReceivedXml metadata = ReceivedXml.of(envelope);
        assertThat(metadata.text("//rim:ExtrinsicObject/rim:ExternalIdentifier[@identificationScheme='"
                + XdsVocabulary.DOC_PATIENT_ID
                + "']/@value")).isEqualTo(PATIENT_CX + "^NH");
        assertThat(metadata.text("//rim:ExtrinsicObject/rim:Classification[@classificationScheme='"
                + XdsVocabulary.DOC_FORMAT
                + "']/@nodeRepresentation")).isEqualTo("urn:ihe:pharm:dis:2010");
        assertThat(body).as("the eDISP-MED part").contains("ClinicalDocument")
                .contains(EP_ID).contains(LINE_2);
        Map<String, List<String>> vihf = VihfAssertions.attributes(VihfAssertions.vihfOf(serialize(envelope)));
        assertThat(vihf.get("urn:oasis:names:tc:xacml:2.0:subject:role")).contains("21@1.2.250.1.71.1.2.7");
        assertThat(vihf.get("urn:oasis:names:tc:xspa:1.0:subject:subject-id").get(0))
                .startsWith(pharmacist.practitionerName());
    }

    private static void assertEveryDmpCallCarriesAVihfFor(String practitioner, String country) throws Exception {
        List<LoggedRequest> calls = dmp.findAll(postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock
                .urlMatching("/.*")));
        assertThat(calls).isNotEmpty();
        for (LoggedRequest call : calls) {
            Element vihf = VihfAssertions.vihfOf(serialize(envelopeOf(
                    new String(call.getBody(), StandardCharsets.UTF_8))));
            assertThat(VihfAssertions.verifiedSigner(vihf)).as("the VIHF's signature verifies").isNotNull();
            Map<String, List<String>> attributes = VihfAssertions.attributes(vihf);
            assertThat(attributes.get("urn:oasis:names:tc:xspa:1.0:subject:subject-id").get(0))
                    .as(call.getUrl()).startsWith(practitioner + " (" + country);
            assertThat(attributes.get("urn:oasis:names:tc:xacml:2.0:resource:resource-id"))
                    .containsExactly(PATIENT_CX + "^NH");
            assertThat(attributes.get("Ressource_URN")).containsExactly("urn:dmp");
            assertThat(attributes.get("Identifiant_Structure")).containsExactly("3180036000012");
        }
    }

    /** The envelope of the one call to {@code path} whose body contains {@code marker}. */
    private static Element request(String path, String marker) {
        List<LoggedRequest> found = dmp.findAll(postRequestedFor(urlEqualTo(path))
                .withRequestBody(containing(marker)));
        assertThat(found).as("calls to %s containing %s", path, marker).isNotEmpty();
        return envelopeOf(new String(found.get(0).getBody(), StandardCharsets.UTF_8));
    }

    private static final Pattern ENVELOPE = Pattern.compile(
            "(?s)<([A-Za-z0-9]+:)?Envelope[ >].*?</\\1?Envelope>");

    /** The SOAP envelope of a recorded request (plain, or the root part of an MTOM request). */
    private static Element envelopeOf(String body) {
        Matcher matcher = ENVELOPE.matcher(body);
        assertThat(matcher.find()).as("a SOAP envelope in the request").isTrue();
        return DmpFixtures.parse(matcher.group().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    private static String slot(Element envelope, String name) {
        return ReceivedXml.of(envelope).text("//rim:Slot[@name='" + name + "']/rim:ValueList/rim:Value");
    }

    private static String serialize(Element element) {
        return DmpFixtures.serialize(element.getOwnerDocument());
    }

    // --- the foreign NCP's requests ---

    private static HttpResponse<String> soapPost(String path, EhdsiOperation operation, String envelope) {
        return SoapHttp.send(port, path, operation, envelope);
    }

    /** HCP (and TRC for the DMP patient) assertions signed by the Spanish NCP, around the body. */
    private static String signedRequest(EhdsiOperation operation, String body, boolean treating, HcpClaims claims) {
        AssertionIssuer spain = new AssertionIssuer(PKI.signer("ES"), Clock.systemUTC());
        return SoapMessages.signedRequest(spain, claims, operation, body,
                treating ? Optional.of(PATIENT_CX) : Optional.empty());
    }

    private static String xcpdBody() {
        return SoapMessages.xcpdBody(PATIENT);
    }

    private static String queryBody(String classCode) {
        return SoapMessages.queryBody(PATIENT, classCode);
    }

    private static String retrieveBody(String uniqueId) {
        return SoapMessages.retrieveBody(HOME, uniqueId);
    }

    /** gematik's XDR sample, its eDispensation made to dispense one item of the DMP's ePrescription. */
    private static String dispensationBody(String prescriptionId, String lineId) {
        return dispensationBody(prescriptionId, lineId, "dmp-e2e-" + UUID.randomUUID());
    }

    /** The same, the eDispensation's ClinicalDocument/id extension given (its dispensation id ends with it). */
    private static String dispensationBody(String prescriptionId, String lineId, String extension) {
        String sample = SoapMessages.sampleBody("gematik/ProvideAndRegisterDocumentSetRequest.xml")
                .replace("B123456789|A2C4E6^^^&amp;1.2.276.0.76.3.1.580.147&amp;ISO",
                        PATIENT.value() + "^^^&amp;" + PATIENT.oid() + "&amp;ISO");
        Matcher inline = Pattern.compile("(?s)(<xds:Document id=\"[^\"]+\">)(.*?)(</xds:Document>)").matcher(sample);
        assertThat(inline.find()).isTrue();
        String cda = new String(Base64.getMimeDecoder().decode(inline.group(2).trim()), StandardCharsets.UTF_8);
        cda = cda.replace("extension=\"4hM/UnZyWlRvGJHM\"", "extension=\"" + extension + "\"")
                .replaceFirst("(?s)(<inFulfillmentOf>\\s*<order[^>]*>\\s*)<id [^>]*/>",
                        "$1<id root=\"" + prescriptionId + "\"/>")
                .replaceFirst("(?s)(<substanceAdministration classCode=\"SBADM\" moodCode=\"INT\">\\s*)<id [^>]*/>",
                        "$1<id root=\"" + lineId + "\"/>");
        String body = sample.substring(0, inline.start(2))
                + Base64.getEncoder().encodeToString(cda.getBytes(StandardCharsets.UTF_8))
                + sample.substring(inline.end(2));
        // The prescribed medicine itself (SubstitutionRule), as an NCP-B copies it from the pivot.
        return fr.passerelle.gateway.soap.DemoExchanges.dispensing(body, ePrescription, lineId,
                java.util.Optional.empty(), false);
    }

    /** A FHIR client sending a fresh signed HCP + TRC pair (for the DMP patient) with every request. */
    private static IGenericClient fhir(HcpClaims claims) {
        IGenericClient client = FHIR.newRestfulGenericClient("http://127.0.0.1:" + port + "/fhir");
        client.registerInterceptor(new IClientInterceptor() {
            @Override
            public void interceptRequest(IHttpRequest request) {
                AssertionIssuer spain = new AssertionIssuer(PKI.signer("ES"), Clock.systemUTC());
                Document document = SoapEnvelopes.newDocument();
                Element holder = document.createElementNS("urn:test", "holder");
                document.appendChild(holder);
                Element hcp = spain.hcp(holder, claims);
                Element trc = spain.trc(holder, TrcClaims.treating(PATIENT_CX).withPurpose(claims.purposeOfUse()),
                        claims.practitionerId(), hcp.getAttribute("ID"));
                request.addHeader("X-HCP-Assertion", Base64.getEncoder().encodeToString(XmlSerializer.toBytes(hcp)));
                request.addHeader("X-TRC-Assertion", Base64.getEncoder().encodeToString(XmlSerializer.toBytes(trc)));
            }

            @Override
            public void interceptResponse(IHttpResponse response) {
            }
        });
        return client;
    }
}

package fr.passerelle.gateway.soap;

import static fr.passerelle.gateway.soap.SoapMessages.queryBody;
import static fr.passerelle.gateway.soap.SoapMessages.xcpdBody;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.PasserelleApplication;
import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.trust.TrustConfiguration;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SOAP roads wired to trust, the exchange use cases (health space, access policy, translation, audit) and the
 * demo data, driven through real HTTP with assertions signed by a demo country's key: XCPD → XCA query → XCA
 * retrieve for a demo patient with consent, and refusals for no consent, an unknown patient, an unsigned assertion
 * and a replayed message.
 */
@SpringBootTest(classes = PasserelleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "passerelle.data-dir=${java.io.tmpdir}/passerelle-soap-e2e/${random.uuid}",
                "passerelle.soap.home-community-id=1.2.250.1.213.4.1.99"
        })
class SoapRoadsEndToEndTest {

    private static final String HOME = "1.2.250.1.213.4.1.99";
    private static final Ins BERTHELOT = DemoExchanges.BERTHELOT;
    /** No consent is given to LAMBERTIN in this test (but for one case, revoked at its end). */
    private static final Ins LAMBERTIN = DemoExchanges.LAMBERTIN;

    @LocalServerPort
    int port;

    @Autowired
    TrustConfiguration.DemoTrust demoTrust;

    @Autowired
    ConsentStore consents;

    @Autowired
    fr.passerelle.gateway.exchange.DocumentListing listing;

    @Autowired
    javax.sql.DataSource dataSource;

    private AssertionIssuer spain;

    @BeforeEach
    void issuer() {
        spain = new AssertionIssuer(demoTrust.pki().orElseThrow().signer("ES"), Clock.systemUTC());
        consent(BERTHELOT, new CountryScope.AllParticipating());
    }

    /** A signed request: HCP assertion (and TRC for the patient, when given) from Spain, body imported. */
    private String signedRequest(EhdsiOperation operation, String body, Optional<Ins> treated) {
        return signedRequest(operation, body, treated, HcpClaims.demoDoctor("ES"));
    }

    private String signedRequest(EhdsiOperation operation, String body, Optional<Ins> treated, HcpClaims doctor) {
        return SoapMessages.signedRequest(spain, doctor, operation, body, treated.map(SoapMessages::cx));
    }

    private HttpResponse<String> post(String path, EhdsiOperation operation, String envelope) {
        return SoapHttp.post(port, path, SoapHttp.soap12(operation.requestAction()), envelope);
    }

    private static String retrieveBody(String uniqueId) {
        return SoapMessages.retrieveBody(HOME, uniqueId);
    }

    @Test
    void patientWithConsentIsIdentifiedListedAndRetrieved() {
        HttpResponse<String> identification = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                signedRequest(EhdsiOperation.PATIENT_DISCOVERY, xcpdBody(BERTHELOT), Optional.empty()));
        assertThat(identification.statusCode()).as(identification.body()).isEqualTo(200);
        ReceivedXml xcpd = ReceivedXml.parse(identification.body());
        assertThat(xcpd.text("//hl7:acknowledgement/hl7:typeCode/@code")).isEqualTo("AA");
        assertThat(xcpd.text("//hl7:subject1/hl7:patient/hl7:id/@extension")).isEqualTo(BERTHELOT.value());
        assertThat(xcpd.text("//hl7:subject1/hl7:patient/hl7:id/@root")).isEqualTo(Ins.TEST_NIR);
        assertThat(xcpd.text("//hl7:patientPerson/hl7:name/hl7:family")).isEqualTo("BERTHELOT");

        HttpResponse<String> listing = post("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                signedRequest(EhdsiOperation.CROSS_GATEWAY_QUERY, queryBody(BERTHELOT, "60591-5"), Optional.of(BERTHELOT)));
        assertThat(listing.statusCode()).as(listing.body()).isEqualTo(200);
        ReceivedXml query = ReceivedXml.parse(listing.body());
        assertThat(query.text("//query:AdhocQueryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        List<Element> entries = query.nodes("//rim:ExtrinsicObject");
        assertThat(entries).isNotEmpty();
        String uniqueId = query.text("(//rim:ExtrinsicObject)[1]/rim:ExternalIdentifier[@identificationScheme="
                + "'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab']/@value");
        String size = query.text("(//rim:ExtrinsicObject)[1]/rim:Slot[@name='size']/rim:ValueList/rim:Value");
        String hash = query.text("(//rim:ExtrinsicObject)[1]/rim:Slot[@name='hash']/rim:ValueList/rim:Value");

        HttpResponse<byte[]> retrieved = SoapHttp.postForBytes(port, "/xca",
                SoapHttp.soap12(EhdsiOperation.CROSS_GATEWAY_RETRIEVE.requestAction()),
                signedRequest(EhdsiOperation.CROSS_GATEWAY_RETRIEVE, retrieveBody(uniqueId), Optional.of(BERTHELOT))
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(retrieved.statusCode()).isEqualTo(200);
        List<Multipart.Part> parts = Multipart.parse(retrieved);
        ReceivedXml response = ReceivedXml.parse(parts.get(0).text());
        assertThat(response.text("//rs:RegistryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        String cid = URLDecoder.decode(response.text("//xds:Document/xop:Include/@href").substring(4),
                StandardCharsets.UTF_8);
        byte[] pivot = parts.stream().filter(p -> ("<" + cid + ">").equals(p.headers().get("content-id")))
                .findFirst().orElseThrow().content();
        assertThat(new String(pivot, StandardCharsets.UTF_8)).contains("ClinicalDocument");
        assertThat(Long.toString(pivot.length)).isEqualTo(size);
        assertThat(sha1(pivot)).isEqualTo(hash);
    }

    @Test
    void patientWithoutConsentIsRefusedWithTheNoConsentCode() {
        HttpResponse<String> response = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                signedRequest(EhdsiOperation.PATIENT_DISCOVERY, xcpdBody(LAMBERTIN), Optional.empty()));

        ReceivedXml xml = ReceivedXml.parse(response.body());
        assertThat(xml.text("//hl7:acknowledgement/hl7:typeCode/@code")).isEqualTo("AE");
        assertThat(xml.text("//hl7:acknowledgementDetail/hl7:code/@code")).isEqualTo("4701");
        assertThat(xml.count("//hl7:subject1")).isZero();
    }

    @Test
    void unknownPatientIsNoMatch() {
        HttpResponse<String> response = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                signedRequest(EhdsiOperation.PATIENT_DISCOVERY, xcpdBody(new Ins(Ins.TEST_NIR, "199999999999999")),
                        Optional.empty()));

        ReceivedXml xml = ReceivedXml.parse(response.body());
        assertThat(xml.text("//hl7:acknowledgementDetail/hl7:code/@code")).isEqualTo("ERROR_PI_NO_MATCH");
        assertThat(xml.text("//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("NF");
    }

    @Test
    void queryForAnotherPatientThanTheTrcIsASecurityFault() {
        HttpResponse<String> response = post("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                signedRequest(EhdsiOperation.CROSS_GATEWAY_QUERY, queryBody(LAMBERTIN, "60591-5"), Optional.of(BERTHELOT)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ReceivedXml.parse(response.body()).text("//soap:Fault/soap:Reason/soap:Text")).startsWith("4206");
    }

    @Test
    void unsignedAssertionIsASecurityFaultAndNothingIsAnswered() {
        HttpResponse<String> response = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                SoapMessages.envelope(EhdsiOperation.PATIENT_DISCOVERY.requestAction(), xcpdBody(BERTHELOT)));

        assertThat(response.statusCode()).isEqualTo(400);
        ReceivedXml fault = ReceivedXml.parse(response.body());
        assertThat(fault.text("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).contains("wsse:");
        assertThat(response.body()).doesNotContain("BERTHELOT").doesNotContain(BERTHELOT.value());
    }

    @Test
    void malformedAndUntrustedRequestsEachLeaveOneRefusedRecordWithoutAPatient() {
        String action = EhdsiOperation.PATIENT_DISCOVERY.requestAction();
        String malformedId = "urn:uuid:" + java.util.UUID.randomUUID();
        String untrustedId = "urn:uuid:" + java.util.UUID.randomUUID();

        HttpResponse<String> malformed = SoapHttp.post(port, "/xcpd", SoapHttp.soap12(action),
                SoapMessages.envelope(action, malformedId, "<hl7:PRPA_IN201305UV02 xmlns:hl7=\"urn:hl7-org:v3\">"
                        + "<unclosed></hl7:PRPA_IN201305UV02>"));
        HttpResponse<String> untrusted = SoapHttp.post(port, "/xcpd", SoapHttp.soap12(action),
                SoapMessages.envelope(action, untrustedId, xcpdBody(BERTHELOT)));

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(untrusted.statusCode()).isEqualTo(400);
        assertThat(auditRows(malformedId)).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo("SOAP_MALFORMED");
            assertThat(row.get("TRANSACTION_KIND")).isEqualTo("PATIENT_IDENTIFICATION");
            assertUnattributed(row);
        });
        assertThat(auditRows(untrustedId)).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(String.valueOf(row.get("DECIDING_RULE"))).startsWith("TRUST_");
            // The eHDSI code the fault's reason starts with.
            assertThat(ReceivedXml.parse(untrusted.body()).text("//soap:Fault/soap:Reason/soap:Text"))
                    .startsWith(String.valueOf(row.get("ERROR_CODE")) + ":");
            assertUnattributed(row);
            // Nothing of the unbelieved assertion: neither who it claims nor its id.
            assertThat(row.get("ASSERTION_IDS")).isEqualTo("");
            assertThat(row.get("PURPOSE_OF_USE")).isEqualTo("");
        });
        assertThat(new fr.passerelle.gateway.audit.AuditChainVerifier(dataSource).verify())
                .isInstanceOf(fr.passerelle.gateway.audit.ChainVerification.Intact.class);
        var search = new fr.passerelle.gateway.audit.AuditSearch(dataSource);
        // The patient whose traits the untrusted request carried never sees it; the operator's search does.
        assertThat(search.find(fr.passerelle.gateway.audit.AuditSearchCriteria.forPatient(BERTHELOT, 1000)))
                .extracting(fr.passerelle.gateway.audit.AuditRecord::correlationId)
                .doesNotContain(malformedId, untrustedId);
        assertThat(search.find(new fr.passerelle.gateway.audit.AuditSearchCriteria(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 1000)))
                .filteredOn(r -> r.correlationId().equals(untrustedId))
                .singleElement().satisfies(r -> assertThat(r.patient()).isEmpty());
    }

    private static void assertUnattributed(java.util.Map<String, Object> row) {
        assertThat(row.get("PATIENT_OID")).isEqualTo("");
        assertThat(row.get("PATIENT_VALUE")).isEqualTo("");
        assertThat(row.get("REQUESTING_COUNTRY")).isEqualTo("");
        assertThat(row.get("PROFESSIONAL_ID")).isEqualTo("");
    }

    private List<java.util.Map<String, Object>> auditRows(String correlationId) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("SELECT * FROM audit_record WHERE correlation_id = ?").param(correlationId).query().listOfRows()
                .stream().map(row -> {
                    java.util.Map<String, Object> upper = new java.util.LinkedHashMap<>();
                    row.forEach((key, value) -> upper.put(key.toUpperCase(java.util.Locale.ROOT), value));
                    return upper;
                }).toList();
    }

    @Test
    void replayedMessageIsASecurityFault() {
        String once = signedRequest(EhdsiOperation.PATIENT_DISCOVERY, xcpdBody(BERTHELOT), Optional.empty());
        assertThat(post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY, once).statusCode()).isEqualTo(200);

        HttpResponse<String> again = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY, once);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(ReceivedXml.parse(again.body()).text("//soap:Fault/soap:Code/soap:Subcode/soap:Value"))
                .endsWith("FailedAuthentication");
    }

    @Test
    void dispensationIsRecordedOnceAndItsLineMarkedDispensed() {
        HttpResponse<String> listed = post("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                signedRequest(EhdsiOperation.CROSS_GATEWAY_QUERY, queryBody(BERTHELOT, "57833-6"), Optional.of(BERTHELOT)));
        String prescription = ReceivedXml.parse(listed.body()).text("(//rim:ExtrinsicObject[rim:Classification["
                + "@classificationScheme='urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d']/@nodeRepresentation="
                + "'urn:epSOS:ep:pre:2010'])[1]/rim:ExternalIdentifier[@identificationScheme="
                + "'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab']/@value");
        assertThat(prescription).isNotBlank();
        var lines = listing.prescriptionLines(prescription);
        assertThat(lines).isNotEmpty();
        String lineId = lines.get(0).lineId();
        String body = dispensationBody(prescription, lineId);
        HcpClaims pharmacist = HcpClaims.demoDoctor("ES").withRole("2262", "Pharmacists");

        HttpResponse<String> first = post("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                signedRequest(EhdsiOperation.PROVIDE_AND_REGISTER, body, Optional.of(BERTHELOT), pharmacist));
        HttpResponse<String> again = post("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                signedRequest(EhdsiOperation.PROVIDE_AND_REGISTER, body, Optional.of(BERTHELOT), pharmacist));

        for (HttpResponse<String> response : List.of(first, again)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ReceivedXml.parse(response.body()).text("//rs:RegistryResponse/@status"))
                    .as(response.body()).isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        }
        assertThat(listing.prescriptionLines(prescription).get(0).dispensed()).isTrue();
    }

    @Test
    void aDiscardReleasesTheDispensedLineOnceAndIsAudited() {
        Ins rochefort = new Ins(Ins.TEST_NIR, "290023306307835");
        consent(rochefort, new CountryScope.AllParticipating());
        HttpResponse<String> listed = post("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                signedRequest(EhdsiOperation.CROSS_GATEWAY_QUERY, queryBody(rochefort, "57833-6"), Optional.of(rochefort)));
        String prescription = ReceivedXml.parse(listed.body()).text("(//rim:ExtrinsicObject[rim:Classification["
                + "@classificationScheme='urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d']/@nodeRepresentation="
                + "'urn:epSOS:ep:pre:2010'])[1]/rim:ExternalIdentifier[@identificationScheme="
                + "'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab']/@value");
        String lineId = listing.prescriptionLines(prescription).get(0).lineId();
        String dispensation = dispensationBody(rochefort, prescription, lineId, "discard-e2e");
        // OpenNCP's NCP-B sends the discarded eDispensation again, classified DISCARD-60593-1.
        String discard = dispensationBody(rochefort, prescription, lineId, "discard-e2e")
                .replace("nodeRepresentation=\"60593-1\"", "nodeRepresentation=\"DISCARD-60593-1\"");
        HcpClaims pharmacist = HcpClaims.demoDoctor("ES").withRole("2262", "Pharmacists");

        HttpResponse<String> dispensed = post("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                signedRequest(EhdsiOperation.PROVIDE_AND_REGISTER, dispensation, Optional.of(rochefort), pharmacist));
        assertThat(listing.prescriptionLines(prescription).get(0).dispensed()).as(dispensed.body()).isTrue();
        HttpResponse<String> first = post("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                signedRequest(EhdsiOperation.PROVIDE_AND_REGISTER, discard, Optional.of(rochefort), pharmacist));
        HttpResponse<String> again = post("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                signedRequest(EhdsiOperation.PROVIDE_AND_REGISTER, discard, Optional.of(rochefort), pharmacist));

        for (HttpResponse<String> response : List.of(first, again)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ReceivedXml.parse(response.body()).text("//rs:RegistryResponse/@status"))
                    .as(response.body()).isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        }
        assertThat(listing.prescriptionLines(prescription).get(0).dispensed()).isFalse();
        assertThat(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("SELECT COUNT(*) FROM audit_record WHERE transaction_kind = 'DISPENSATION' AND outcome = 'SUCCESS'"
                        + " AND documents LIKE ?")
                .param("%discarded:2.16.840.1.113883.2.25.3.4.1.4.1^discard-e2e%").query(Long.class).single())
                .isEqualTo(2);

        HttpResponse<String> unknown = post("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                signedRequest(EhdsiOperation.PROVIDE_AND_REGISTER, dispensationBody(rochefort, prescription, lineId,
                        "never-dispensed").replace("nodeRepresentation=\"60593-1\"",
                        "nodeRepresentation=\"DISCARD-60593-1\""), Optional.of(rochefort), pharmacist));
        ReceivedXml refused = ReceivedXml.parse(unknown.body());
        assertThat(refused.text("//rs:RegistryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure");
        assertThat(refused.text("//rs:RegistryError/@errorCode")).isEqualTo("ERROR_ED_DISCARD_FAILED");
    }

    private static String dispensationBody(String prescriptionUniqueId, String lineId) {
        return dispensationBody(BERTHELOT, prescriptionUniqueId, lineId, "4hM/UnZyWlRvGJHM");
    }

    private static String dispensationBody(Ins patient, String prescriptionUniqueId, String lineId,
                                           String documentExtension) {
        return DemoExchanges.dispensationBody(patient, prescriptionUniqueId, lineId, documentExtension);
    }

    private void consent(Ins patient, CountryScope countries) {
        DemoExchanges.consent(consents, patient, countries);
    }

    private int levelThreePatientSummaries(Ins patient, HcpClaims doctor) {
        HttpResponse<String> listed = post("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                signedRequest(EhdsiOperation.CROSS_GATEWAY_QUERY, queryBody(patient, "60591-5"), Optional.of(patient),
                        doctor));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        return ReceivedXml.parse(listed.body()).count("//rim:ExtrinsicObject[rim:Classification[@classificationScheme="
                + "'urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d']/@nodeRepresentation='urn:epSOS:ps:ps:2010']");
    }

    @Test
    void maskedDocumentIsHiddenInTreatmentAndShownInEmergencyWhenThePatientAllowsIt() {
        Ins lambertinWithConsent = new Ins(Ins.TEST_NIR, "156113523811249");
        consent(lambertinWithConsent, new CountryScope.AllParticipating());
        HcpClaims doctor = HcpClaims.demoDoctor("ES");

        assertThat(levelThreePatientSummaries(lambertinWithConsent, doctor)).isEqualTo(1);
        assertThat(levelThreePatientSummaries(lambertinWithConsent,
                doctor.withPurpose(fr.passerelle.trust.assertion.PurposeOfUse.EMERGENCY))).isEqualTo(2);
        // The consent given here must not leak into the no-consent case, which uses another patient.
        consents.change(lambertinWithConsent, new ConsentChange.Revoke("soap-e2e-test", ConsentChannel.OPERATOR));
    }

    @Test
    void emergencyIsRefusedWhenThePatientOpposesIt() {
        Ins rochefort = new Ins(Ins.TEST_NIR, "290023306307835");
        consent(rochefort, new CountryScope.AllParticipating());

        HttpResponse<String> emergency = post("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                signedRequest(EhdsiOperation.CROSS_GATEWAY_QUERY, queryBody(rochefort, "60591-5"), Optional.of(rochefort),
                        HcpClaims.demoDoctor("ES").withPurpose(fr.passerelle.trust.assertion.PurposeOfUse.EMERGENCY)));

        ReceivedXml xml = ReceivedXml.parse(emergency.body());
        assertThat(xml.text("//query:AdhocQueryResponse/@status"))
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure");
        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("4703");
        assertThat(xml.count("//rim:ExtrinsicObject")).isZero();
        assertThat(levelThreePatientSummaries(rochefort, HcpClaims.demoDoctor("ES"))).isEqualTo(1);
    }

    @Test
    void consentForAnotherCountryIsRefusedWithTheNoConsentCode() {
        Ins martinOdile = new Ins(Ins.TEST_NIR, "238016311300935");
        consent(martinOdile, new CountryScope.Listed(java.util.Set.of("IT")));

        HttpResponse<String> response = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                signedRequest(EhdsiOperation.PATIENT_DISCOVERY, xcpdBody(martinOdile), Optional.empty()));

        ReceivedXml xml = ReceivedXml.parse(response.body());
        assertThat(xml.text("//hl7:acknowledgement/hl7:typeCode/@code")).isEqualTo("AE");
        assertThat(xml.text("//hl7:acknowledgementDetail/hl7:code/@code")).isEqualTo("4701");
        assertThat(xml.count("//hl7:subject1")).isZero();
    }

    @Test
    void blockedProfessionalIsRefused() {
        Ins lefevre = new Ins(Ins.TEST_NIR, "101085935020352");
        consent(lefevre, new CountryScope.AllParticipating());
        HcpClaims demo = HcpClaims.demoDoctor("ES");
        HcpClaims blocked = new HcpClaims("2.16.17.710.850.1000.990.1^HCP-BE-0042", demo.practitionerName(),
                demo.roleCode(), demo.roleDisplayName(), demo.organisation(), demo.organisationId(),
                demo.facilityType(), demo.pointOfCare(), demo.homeCommunityId(), demo.purposeOfUse(),
                demo.permissions(), demo.lifetime());

        HttpResponse<String> response = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                signedRequest(EhdsiOperation.PATIENT_DISCOVERY, xcpdBody(lefevre), Optional.empty(), blocked));

        ReceivedXml xml = ReceivedXml.parse(response.body());
        assertThat(xml.text("//hl7:acknowledgement/hl7:typeCode/@code")).as(response.body()).isEqualTo("AE");
        assertThat(xml.text("//hl7:acknowledgementDetail/hl7:code/@code")).isEqualTo("4703");
        assertThat(xml.count("//hl7:subject1")).isZero();
        HttpResponse<String> other = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                signedRequest(EhdsiOperation.PATIENT_DISCOVERY, xcpdBody(lefevre), Optional.empty()));
        assertThat(ReceivedXml.parse(other.body()).text("//hl7:acknowledgement/hl7:typeCode/@code")).isEqualTo("AA");
    }

    @Test
    void demographicsMatchingSeveralPatientsAreRefusedNeverGuessed() {
        String body = SoapMessages.sampleBody("ipf-iti55/iti55-sample-request.xml")
                .replaceAll("(?s)<livingSubjectAdministrativeGender>.*?</livingSubjectAdministrativeGender>", "")
                .replaceAll("(?s)<livingSubjectBirthTime>.*?</livingSubjectBirthTime>", "")
                .replaceAll("(?s)<livingSubjectId>.*?</livingSubjectId>", "")
                .replace("<given>Jimmy</given>", "").replace("<family>Jones</family>", "<family>MARTIN</family>");

        HttpResponse<String> response = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                signedRequest(EhdsiOperation.PATIENT_DISCOVERY, body, Optional.empty()));

        ReceivedXml xml = ReceivedXml.parse(response.body());
        assertThat(xml.text("//hl7:acknowledgement/hl7:typeCode/@code")).as(response.body()).isEqualTo("AE");
        assertThat(xml.text("//hl7:acknowledgementDetail/hl7:code/@code")).isEqualTo("ERROR_PI_MULTIPLE_MATCHES");
        assertThat(xml.count("//hl7:subject1")).isZero();
    }

    private static String sha1(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package fr.passerelle.gateway.soap;

import static fr.passerelle.gateway.soap.SoapMessages.queryBody;
import static fr.passerelle.gateway.soap.SoapMessages.xcpdBody;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The SOAP roads driven through real HTTP with hand-written envelopes, signed by a demo country's key: what a typed
 * client cannot send or see — a body that does not parse, no or unsigned assertions, a message replayed byte for
 * byte or its assertions under a fresh MessageID, the family name and the raw MTOM parts
 * of the answer — and the audit records of such refusals. Every policy branch (consent, country, blocked
 * professional, masking, emergency, homonyms, discard) is proven with the generated typed client in
 * {@link GeneratedClientEndToEndTest}, and each class of refusal (fault or business answer) on each transaction in
 * {@link RefusalShapesEndToEndTest}, both sharing this test's application context (same annotations).
 */
class SoapRoadsEndToEndTest extends SoapRoadsContext {

    private static final Ins BERTHELOT = DemoExchanges.BERTHELOT;

    @BeforeEach
    void issuer() {
        DemoExchanges.consent(consents, BERTHELOT, new CountryScope.AllParticipating());
    }

    /** A signed request: HCP assertion (and TRC for the patient, when given) from Spain, body imported. */
    private String signedRequest(EhdsiOperation operation, String body, Optional<Ins> treated) {
        return signedRequest(operation, body, treated, HcpClaims.demoDoctor("ES"));
    }

    private String signedRequest(EhdsiOperation operation, String body, Optional<Ins> treated, HcpClaims doctor) {
        return SoapMessages.signedRequest(spain, doctor, operation, body, treated.map(SoapMessages::cx));
    }

    private HttpResponse<String> post(String path, EhdsiOperation operation, String envelope) {
        return SoapHttp.send(port, path, operation, envelope);
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

        HttpResponse<byte[]> retrieved = SoapHttp.sendForBytes(port, "/xca", EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                signedRequest(EhdsiOperation.CROSS_GATEWAY_RETRIEVE, retrieveBody(uniqueId), Optional.of(BERTHELOT)));
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
        assertThat(AuditRows.of(dataSource, malformedId)).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo("SOAP_MALFORMED");
            assertThat(row.get("TRANSACTION_KIND")).isEqualTo("PATIENT_IDENTIFICATION");
            assertUnattributed(row);
        });
        assertThat(AuditRows.of(dataSource, untrustedId)).singleElement().satisfies(row -> {
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

    @Test
    void replayedMessageIsASecurityFault() {
        String once = signedRequest(EhdsiOperation.PATIENT_DISCOVERY, xcpdBody(BERTHELOT), Optional.empty());
        assertThat(post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY, once).statusCode()).isEqualTo(200);

        HttpResponse<String> again = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY, once);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(ReceivedXml.parse(again.body()).text("//soap:Fault/soap:Code/soap:Subcode/soap:Value"))
                .endsWith("FailedAuthentication");
    }

    /** The signed assertions captured and sent again under a fresh MessageID: one-use assertions refuse them. */
    @Test
    void capturedAssertionsUnderAFreshMessageIdAreASecurityFault() {
        String once = signedRequest(EhdsiOperation.PATIENT_DISCOVERY, xcpdBody(BERTHELOT), Optional.empty());
        assertThat(post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY, once).statusCode()).isEqualTo(200);
        String freshId = "urn:uuid:" + java.util.UUID.randomUUID();
        String resent = once.replaceFirst("(<[^>]*MessageID[^>]*>)[^<]+(</)", "$1" + freshId + "$2");
        assertThat(resent).contains(freshId);

        HttpResponse<String> again = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY, resent);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(ReceivedXml.parse(again.body()).text("//soap:Fault/soap:Code/soap:Subcode/soap:Value"))
                .endsWith("FailedAuthentication");
        assertThat(AuditRows.of(dataSource, freshId)).singleElement().satisfies(row -> {
            assertThat(row.get("DECIDING_RULE")).isEqualTo("TRUST_REPLAY");
            assertUnattributed(row);
        });
    }

    private static String sha1(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

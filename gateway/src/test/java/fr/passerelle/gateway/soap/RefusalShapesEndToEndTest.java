package fr.passerelle.gateway.soap;

import static fr.passerelle.gateway.soap.SoapMessages.queryBody;
import static fr.passerelle.gateway.soap.SoapMessages.xcpdBody;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.xml.XmlSerializer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Each class of refusal on each SOAP transaction, as a foreign NCP receives it (docs/implementers.md, "SOAP road:
 * refusals"): assertions that cannot be believed are a SOAP fault; a believed requester who may not do this (TRC
 * bound to another HCP assertion 1002, TRC for another patient 4206, role 4703) gets a business answer — XCA and
 * XDR a {@code Failure} with one {@code RegistryError} carrying the eHDSI code, XCPD an {@code AA} acknowledgement
 * with queryResponseCode {@code AE}, the code in the detail and {@code InsufficientRights} as gematik answers — and
 * one audit record with the trust rule and that code. Same application context as {@link SoapRoadsEndToEndTest}.
 */
class RefusalShapesEndToEndTest extends SoapRoadsContext {

    private static final Ins BERTHELOT = DemoExchanges.BERTHELOT;
    private static final Ins LAMBERTIN = DemoExchanges.LAMBERTIN;
    private static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    /** ISCO-08 4226, receptionists: no clinical role, may call no cross-border transaction. */
    private static final HcpClaims RECEPTIONIST = HcpClaims.demoDoctor("ES").withRole("4226", "Receptionists");
    /** The patient of gematik's eDispensation sample, as its submission names it. */
    private static final String GEMATIK_XDR_PATIENT = "B123456789|A2C4E6^^^&1.2.276.0.76.3.1.580.147&ISO";
    private static final Pattern MESSAGE_ID = Pattern.compile("MessageID[^>]*>([^<]+)<");

    @BeforeEach
    void issuer() {
        DemoExchanges.consent(consents, BERTHELOT, new CountryScope.AllParticipating());
    }

    // --- business answers: believed requester, not allowed ---------------------------------------------------------

    @Test
    void xcpdRoleNotAllowedIsAcceptedWithQueryResponseAeAndInsufficientRights() {
        String envelope = SoapMessages.signedRequest(spain, RECEPTIONIST, EhdsiOperation.PATIENT_DISCOVERY,
                xcpdBody(BERTHELOT), Optional.empty());

        HttpResponse<String> response = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY, envelope);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ReceivedXml xml = ReceivedXml.parse(response.body());
        assertThat(xml.text("//hl7:acknowledgement/hl7:typeCode/@code")).isEqualTo("AA");
        assertThat(xml.text("//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("AE");
        assertThat(xml.text("//hl7:acknowledgementDetail/hl7:code/@code")).isEqualTo("4703");
        assertThat(xml.text("//hl7:detectedIssueManagement/hl7:code/@code")).isEqualTo("InsufficientRights");
        assertThat(xml.count("//hl7:subject")).isZero();
        assertDeclined(envelope, "TRUST_ACCESS_RULE", "4703", "PATIENT_IDENTIFICATION");
    }

    @Test
    void xcaQueryForAnotherPatientThanTheTrcIsAFailureWith4206() {
        String envelope = SoapMessages.signedRequest(spain, HcpClaims.demoDoctor("ES"),
                EhdsiOperation.CROSS_GATEWAY_QUERY, queryBody(LAMBERTIN, "60591-5"),
                Optional.of(SoapMessages.cx(BERTHELOT)));

        assertRegistryFailure(post("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY, envelope), "4206");
        assertDeclined(envelope, "TRUST_TRC_PATIENT", "4206", "DOCUMENT_LIST");
    }

    @Test
    void xcaQueryByARoleWithoutRightsIsAFailureWith4703() {
        String envelope = SoapMessages.signedRequest(spain, RECEPTIONIST, EhdsiOperation.CROSS_GATEWAY_QUERY,
                queryBody(BERTHELOT, "60591-5"), Optional.of(SoapMessages.cx(BERTHELOT)));

        assertRegistryFailure(post("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY, envelope), "4703");
        assertDeclined(envelope, "TRUST_ACCESS_RULE", "4703", "DOCUMENT_LIST");
    }

    @Test
    void xcaQueryWithATrcBoundToAnotherHcpAssertionIsAFailureWith1002() {
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        String envelope = envelope(EhdsiOperation.CROSS_GATEWAY_QUERY, queryBody(BERTHELOT, "60591-5"),
                (security, hcp) -> spain.trc(security, TrcClaims.treating(SoapMessages.cx(BERTHELOT)),
                        doctor.practitionerId(), "_another-hcp-assertion"), doctor);

        assertRegistryFailure(post("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY, envelope), "1002");
        assertDeclined(envelope, "TRUST_TRC_BINDING", "1002", "DOCUMENT_LIST");
    }

    @Test
    void xcaRetrieveByARoleWithoutRightsIsAFailureWith4703() {
        String envelope = SoapMessages.signedRequest(spain, RECEPTIONIST, EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                SoapMessages.retrieveBody(HOME, "1.2.250.1.999.1^1"), Optional.of(SoapMessages.cx(BERTHELOT)));

        assertRegistryFailure(post("/xca", EhdsiOperation.CROSS_GATEWAY_RETRIEVE, envelope), "4703");
        assertDeclined(envelope, "TRUST_ACCESS_RULE", "4703", "DOCUMENT_RETRIEVE");
    }

    @Test
    void xdrByADoctorInsteadOfAPharmacistIsAFailureWith4703() {
        String envelope = SoapMessages.signedRequest(spain, HcpClaims.demoDoctor("ES"),
                EhdsiOperation.PROVIDE_AND_REGISTER,
                SoapMessages.sampleBody("gematik/ProvideAndRegisterDocumentSetRequest.xml"),
                Optional.of(GEMATIK_XDR_PATIENT));

        assertRegistryFailure(post("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER, envelope), "4703");
        assertDeclined(envelope, "TRUST_ACCESS_RULE", "4703", "DISPENSATION");
    }

    // --- security faults: assertions that cannot be believed -------------------------------------------------------

    /** A believed practitioner who confirms no treatment: 1002 as a business answer, as FHIR answers it 403. */
    @Test
    void aMissingTrcIsAFailureWith1002OnXcaAndXdr() {
        String query = SoapMessages.signedRequest(spain, HcpClaims.demoDoctor("ES"),
                EhdsiOperation.CROSS_GATEWAY_QUERY, queryBody(BERTHELOT, "60591-5"), Optional.empty());
        String dispensation = SoapMessages.signedRequest(spain,
                HcpClaims.demoDoctor("ES").withRole("2262", "Pharmacists"), EhdsiOperation.PROVIDE_AND_REGISTER,
                SoapMessages.sampleBody("gematik/ProvideAndRegisterDocumentSetRequest.xml"), Optional.empty());

        assertRegistryFailure(post("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY, query), "1002");
        assertDeclined(query, "TRUST_TRC_REQUIRED", "1002", "DOCUMENT_LIST");
        assertRegistryFailure(post("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER, dispensation), "1002");
        assertDeclined(dispensation, "TRUST_TRC_REQUIRED", "1002", "DISPENSATION");
    }

    @Test
    void twoTrcAssertionsAreASecurityFault() {
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        String envelope = envelope(EhdsiOperation.CROSS_GATEWAY_QUERY, queryBody(BERTHELOT, "60591-5"),
                (security, hcp) -> {
                    for (int i = 0; i < 2; i++) {
                        spain.trc(security, TrcClaims.treating(SoapMessages.cx(BERTHELOT)), doctor.practitionerId(),
                                hcp.getAttribute("ID"));
                    }
                }, doctor);

        HttpResponse<String> response = post("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY, envelope);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        ReceivedXml fault = ReceivedXml.parse(response.body());
        assertThat(fault.text("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).endsWith("InvalidSecurity");
        assertThat(fault.text("//soap:Fault/soap:Reason/soap:Text")).startsWith("1002:");
    }

    @Test
    void aTamperedAssertionIsASecurityFaultEvenWhenItsRoleWouldBeRefused() {
        String envelope = SoapMessages.signedRequest(spain, RECEPTIONIST, EhdsiOperation.PATIENT_DISCOVERY,
                xcpdBody(BERTHELOT), Optional.empty());
        // A signed claim changed: the signature, judged before any claim is read, no longer verifies.
        String tampered = envelope.replaceFirst(">urn:idp:ES:countryB<", ">urn:idp:ES:countryC<");
        assertThat(tampered).isNotEqualTo(envelope);

        HttpResponse<String> response = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY, tampered);

        assertThat(response.statusCode()).isEqualTo(400);
        ReceivedXml fault = ReceivedXml.parse(response.body());
        assertThat(fault.text("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).endsWith("FailedAuthentication");
        assertThat(fault.text("//soap:Fault/soap:Reason/soap:Text")).startsWith("ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private HttpResponse<String> post(String path, EhdsiOperation operation, String envelope) {
        return SoapHttp.send(port, path, operation, envelope);
    }

    /** A request whose HCP assertion is the doctor's and whose other assertions {@code more} adds, signed by Spain. */
    private String envelope(EhdsiOperation operation, String body, BiConsumer<Element, Element> more,
                            HcpClaims doctor) {
        Document envelope = SoapEnvelopes.envelope(operation.requestAction());
        Element security = SoapEnvelopes.security(envelope);
        Element hcp = spain.hcp(security, doctor);
        more.accept(security, hcp);
        Element bodyElement = (Element) envelope.getElementsByTagNameNS(Namespaces.SOAP12, "Body").item(0);
        bodyElement.appendChild(envelope.importNode(ReceivedXml.parse(body).document().getDocumentElement(), true));
        return new String(XmlSerializer.toBytes(envelope.getDocumentElement()), StandardCharsets.UTF_8);
    }

    private static void assertRegistryFailure(HttpResponse<String> response, String errorCode) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ReceivedXml xml = ReceivedXml.parse(response.body());
        // XCA query: AdhocQueryResponse; XCA retrieve: the RegistryResponse inside it; XDR: the RegistryResponse.
        assertThat(xml.text("//*[local-name()='AdhocQueryResponse' or local-name()='RegistryResponse']/@status"))
                .isEqualTo(FAILURE);
        assertThat(xml.nodes("//rs:RegistryError")).singleElement()
                .satisfies(error -> assertThat(error.getAttribute("errorCode")).isEqualTo(errorCode));
        assertThat(xml.count("//rim:ExtrinsicObject")).isZero();
    }

    /** One REFUSED record for the request, without patient nor requester, with the trust rule and the code sent. */
    private void assertDeclined(String envelope, String rule, String errorCode, String transaction) {
        Matcher id = MESSAGE_ID.matcher(envelope);
        assertThat(id.find()).isTrue();
        assertThat(AuditRows.of(dataSource, id.group(1).trim())).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo(rule);
            assertThat(row.get("ERROR_CODE")).isEqualTo(errorCode);
            assertThat(row.get("TRANSACTION_KIND")).isEqualTo(transaction);
            assertThat(row.get("PATIENT_VALUE")).isEqualTo("");
        });
    }
}

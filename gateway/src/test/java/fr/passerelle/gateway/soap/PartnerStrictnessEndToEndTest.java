package fr.passerelle.gateway.soap;

import static fr.passerelle.gateway.soap.SoapMessages.queryBody;
import static fr.passerelle.gateway.soap.SoapMessages.xcpdBody;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.assertion.EhdsiAttributes;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SigningProfile;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.xml.XmlSerializer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Strict IHE/eHDSI by default, a leniency only for a country granted it (docs/implementers.md, "Strict by default"):
 * Spain, granted nothing, is refused each deviation in the shape the deviation calls for — an ITI-39 DocumentRequest
 * without HomeCommunityId a RegistryError {@code XDSMissingHomeCommunityId}, one of another community
 * {@code XDSUnknownCommunity}, a plain-SOAP ITI-39/ITI-41 a Sender fault, an HCP assertion without facility type or
 * AuthnStatement a security fault — while Italy, granted every leniency in {@link SoapRoadsContext}, is served.
 */
class PartnerStrictnessEndToEndTest extends SoapRoadsContext {

    private static final Ins BERTHELOT = DemoExchanges.BERTHELOT;
    private static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    private static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    private static final Pattern MESSAGE_ID = Pattern.compile("MessageID[^>]*>([^<]+)<");
    private static final HcpClaims PHARMACIST = HcpClaims.demoDoctor("ES").withRole("2262", "Pharmacists");

    private AssertionIssuer italy;

    @BeforeEach
    void consentAndItaly() {
        DemoExchanges.consent(consents, BERTHELOT, new CountryScope.AllParticipating());
        italy = new AssertionIssuer(demoTrust.pki().orElseThrow().signer("IT"), Clock.systemUTC());
    }

    // --- ITI-39 HomeCommunityId --------------------------------------------------------------------------------------

    @Test
    void aDocumentRequestWithoutHomeCommunityIdIsXdsMissingHomeCommunityIdAtItsUniqueId() {
        String uniqueId = "1.2.250.1.999.1^1";
        HttpResponse<String> response = SoapHttp.send(port, "/xca", EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                signed(spain, HcpClaims.demoDoctor("ES"), EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                        retrieveWithoutCommunity(uniqueId)));

        ReceivedXml xml = registryFailure(response);
        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("XDSMissingHomeCommunityId");
        assertThat(xml.text("//rs:RegistryError/@location")).isEqualTo(uniqueId);
        assertThat(xml.text("//rs:RegistryError/@codeContext")).contains("urn:oid:" + HOME);
    }

    @Test
    void aDocumentRequestOfAnotherCommunityIsXdsUnknownCommunity() {
        HttpResponse<String> response = SoapHttp.send(port, "/xca", EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                signed(spain, HcpClaims.demoDoctor("ES"), EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                        SoapMessages.retrieveBody(HOME, "1.2.250.1.999.1^1").replace(
                                "<HomeCommunityId>urn:oid:" + HOME, "<HomeCommunityId>urn:oid:1.2.276.0.76.3.1.580")));

        ReceivedXml xml = registryFailure(response);
        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("XDSUnknownCommunity");
    }

    @Test
    void aDocumentRequestOfAnotherRepositoryIsXdsUnknownRepositoryIdAtItsUniqueId() {
        String uniqueId = "1.2.250.1.999.1^1";
        HttpResponse<String> response = SoapHttp.send(port, "/xca", EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                signed(spain, HcpClaims.demoDoctor("ES"), EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                        SoapMessages.retrieveBody(HOME, uniqueId).replace(
                                "<RepositoryUniqueId>" + HOME, "<RepositoryUniqueId>1.2.276.0.76.3.1.580")));

        ReceivedXml xml = registryFailure(response);
        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo("XDSUnknownRepositoryId");
        assertThat(xml.text("//rs:RegistryError/@location")).isEqualTo(uniqueId);
        assertThat(xml.text("//rs:RegistryError/@codeContext")).isEqualTo("France's only repository is " + HOME);
    }

    @Test
    void aCountryGrantedTheLeniencyRetrievesWithoutHomeCommunityId() {
        String uniqueId = firstPatientSummary(italy);

        HttpResponse<byte[]> response = SoapHttp.sendForBytes(port, "/xca", EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                signed(italy, HcpClaims.demoDoctor("IT"), EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                        retrieveWithoutCommunity(uniqueId)));

        assertThat(response.statusCode()).isEqualTo(200);
        ReceivedXml xml = ReceivedXml.parse(Multipart.parse(response).get(0).text());
        assertThat(xml.text("//rs:RegistryResponse/@status")).isEqualTo(SUCCESS);
        assertThat(xml.text("//xds:DocumentResponse/xds:DocumentUniqueId")).isEqualTo(uniqueId);
    }

    // --- MTOM/XOP ----------------------------------------------------------------------------------------------------

    @Test
    void aPlainSoapRetrieveOrDispensationIsASenderFaultAudited() {
        String retrieve = signed(spain, HcpClaims.demoDoctor("ES"), EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                SoapMessages.retrieveBody(HOME, "1.2.250.1.999.1^1"));
        String dispensation = signed(spain, PHARMACIST, EhdsiOperation.PROVIDE_AND_REGISTER,
                DemoExchanges.dispensationBody(BERTHELOT, "1.2.999.1^EP", "1.2.999.2^L", "strict-mtom"));

        assertNotMtomFault(plain("/xca", EhdsiOperation.CROSS_GATEWAY_RETRIEVE, retrieve), "ITI-39");
        assertNotMtomFault(plain("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER, dispensation), "ITI-41");
        assertRefusedAs(retrieve, "SOAP_NOT_MTOM", "DOCUMENT_RETRIEVE");
        assertRefusedAs(dispensation, "SOAP_NOT_MTOM", "DISPENSATION");
    }

    @Test
    void aCountryGrantedTheLeniencyRetrievesAndDispensesInPlainSoap() {
        String uniqueId = firstPatientSummary(italy);
        HttpResponse<byte[]> retrieved = SoapHttp.postForBytes(port, "/xca",
                SoapHttp.soap12(EhdsiOperation.CROSS_GATEWAY_RETRIEVE.requestAction()),
                signed(italy, HcpClaims.demoDoctor("IT"), EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                        SoapMessages.retrieveBody(HOME, uniqueId)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> dispensed = plain("/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                signed(italy, HcpClaims.demoDoctor("IT").withRole("2262", "Pharmacists"),
                        EhdsiOperation.PROVIDE_AND_REGISTER,
                        DemoExchanges.dispensationBody(BERTHELOT, "1.2.999.1^EP", "1.2.999.2^L", "lenient-mtom")));

        assertThat(retrieved.statusCode()).isEqualTo(200);
        assertThat(ReceivedXml.parse(Multipart.parse(retrieved).get(0).text())
                .text("//rs:RegistryResponse/@status")).isEqualTo(SUCCESS);
        // The dispensation is judged on its merits (here: an unknown prescription), not refused for its packaging.
        assertThat(dispensed.statusCode()).as(dispensed.body()).isEqualTo(200);
        assertThat(ReceivedXml.parse(dispensed.body()).count("//rs:RegistryResponse")).isEqualTo(1);
    }

    // --- HCP identity assertion ------------------------------------------------------------------------------------

    @Test
    void anHcpAssertionWithoutFacilityTypeIsASecurityFault() {
        HttpResponse<String> response = SoapHttp.send(port, "/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                signedWithHcp(spain, HcpClaims.demoDoctor("ES"), PartnerStrictnessEndToEndTest::withoutFacilityType));

        assertSecurityFault(response, "FailedAuthentication", "ERROR_HPI_INSUFFICIENT_INFORMATION");
    }

    @Test
    void anHcpAssertionWithoutAuthnStatementIsASecurityFault() {
        HttpResponse<String> response = SoapHttp.send(port, "/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                signedWithHcp(spain, HcpClaims.demoDoctor("ES"), PartnerStrictnessEndToEndTest::withoutAuthnStatement));

        assertSecurityFault(response, "InvalidSecurity", "ERROR_HPI_AUTHENTICATION_NOT_RECEIVED");
    }

    @Test
    void aCountryGrantedTheLeniencesIsIdentifiedWithoutFacilityTypeOrAuthnStatement() {
        for (Consumer<Element> deviation : java.util.List.<Consumer<Element>>of(
                PartnerStrictnessEndToEndTest::withoutFacilityType,
                PartnerStrictnessEndToEndTest::withoutAuthnStatement)) {
            HttpResponse<String> response = SoapHttp.send(port, "/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                    signedWithHcp(italy, HcpClaims.demoDoctor("IT"), deviation));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            ReceivedXml xml = ReceivedXml.parse(response.body());
            assertThat(xml.text("//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("OK");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** The first Patient Summary entry an XCA query of Berthelot's documents by {@code issuer}'s doctor offers. */
    private String firstPatientSummary(AssertionIssuer issuer) {
        String country = issuer == italy ? "IT" : "ES";
        HttpResponse<String> listing = SoapHttp.send(port, "/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                SoapMessages.signedRequest(issuer, HcpClaims.demoDoctor(country), EhdsiOperation.CROSS_GATEWAY_QUERY,
                        queryBody(BERTHELOT, "60591-5"), Optional.of(SoapMessages.cx(BERTHELOT))));
        assertThat(listing.statusCode()).as(listing.body()).isEqualTo(200);
        String uniqueId = ReceivedXml.parse(listing.body()).text("(//rim:ExtrinsicObject)[1]/rim:ExternalIdentifier"
                + "[@identificationScheme='urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab']/@value");
        assertThat(uniqueId).isNotBlank();
        return uniqueId;
    }

    private static String retrieveWithoutCommunity(String uniqueId) {
        return SoapMessages.retrieveBody(HOME, uniqueId).replaceFirst("<HomeCommunityId>[^<]*</HomeCommunityId>", "");
    }

    private static String signed(AssertionIssuer issuer, HcpClaims doctor, EhdsiOperation operation, String body) {
        return SoapMessages.signedRequest(issuer, doctor, operation, body, Optional.of(SoapMessages.cx(BERTHELOT)));
    }

    private HttpResponse<String> plain(String path, EhdsiOperation operation, String envelope) {
        return SoapHttp.post(port, path, SoapHttp.soap12(operation.requestAction()), envelope);
    }

    /** An XCPD request whose HCP assertion is changed by {@code deviation} before the issuer signs it. */
    private static String signedWithHcp(AssertionIssuer issuer, HcpClaims doctor, Consumer<Element> deviation) {
        Document envelope = SoapEnvelopes.envelope(EhdsiOperation.PATIENT_DISCOVERY.requestAction());
        Element security = SoapEnvelopes.security(envelope);
        Element hcp = issuer.buildHcp(security, doctor);
        deviation.accept(hcp);
        issuer.sign(hcp, SigningProfile.ehdsi());
        Element body = (Element) envelope.getElementsByTagNameNS(Namespaces.SOAP12, "Body").item(0);
        body.appendChild(envelope.importNode(ReceivedXml.parse(xcpdBody(BERTHELOT)).document().getDocumentElement(),
                true));
        return new String(XmlSerializer.toBytes(envelope.getDocumentElement()), StandardCharsets.UTF_8);
    }

    private static void withoutFacilityType(Element hcp) {
        var attributes = hcp.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (EhdsiAttributes.FACILITY_TYPE.equals(attribute.getAttribute("Name"))) {
                attribute.getParentNode().removeChild(attribute);
                return;
            }
        }
        throw new AssertionError("the demo HCP assertion has a facility type to remove");
    }

    private static void withoutAuthnStatement(Element hcp) {
        Node authn = hcp.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "AuthnStatement").item(0);
        assertThat(authn).isNotNull();
        authn.getParentNode().removeChild(authn);
    }

    private static ReceivedXml registryFailure(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ReceivedXml xml = ReceivedXml.parse(response.body());
        assertThat(xml.text("//rs:RegistryResponse/@status")).isEqualTo(FAILURE);
        assertThat(xml.nodes("//rs:RegistryError")).hasSize(1);
        assertThat(xml.count("//xds:DocumentResponse")).isZero();
        return xml;
    }

    private static void assertNotMtomFault(HttpResponse<String> response, String transaction) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        ReceivedXml fault = ReceivedXml.parse(response.body());
        assertThat(fault.text("//soap:Fault/soap:Code/soap:Value")).endsWith("Sender");
        assertThat(fault.text("//soap:Fault/soap:Reason/soap:Text")).startsWith(transaction)
                .contains("MTOM/XOP").contains("application/xop+xml");
    }

    private static void assertSecurityFault(HttpResponse<String> response, String subcode, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        ReceivedXml fault = ReceivedXml.parse(response.body());
        assertThat(fault.text("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).endsWith(subcode);
        assertThat(fault.text("//soap:Fault/soap:Reason/soap:Text")).startsWith(code + ":");
        assertThat(fault.count("//hl7:subject")).isZero();
    }

    private void assertRefusedAs(String envelope, String rule, String transaction) {
        Matcher id = MESSAGE_ID.matcher(envelope);
        assertThat(id.find()).isTrue();
        assertThat(AuditRows.of(dataSource, id.group(1).trim())).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo(rule);
            assertThat(row.get("TRANSACTION_KIND")).isEqualTo(transaction);
            assertThat(row.get("PATIENT_VALUE")).isEqualTo("");
        });
    }
}

package fr.passerelle.gateway.soap;

import static fr.passerelle.gateway.soap.SoapMessages.queryBody;
import static fr.passerelle.gateway.soap.SoapMessages.xcpdBody;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SOAP bodies validated against the schemas of the served WSDLs, with the defaults (docs/implementers.md, "Schema
 * validation"): an invalid XCA or XDR body is a {@code Failure} with one RegistryError
 * {@code XDSRegistryMetadataError} naming the first violation, audited {@code SOAP_SCHEMA_INVALID}, before the
 * assertions are judged; an XCPD body is validated and only logged, so gematik's sample (device ids that are not
 * OIDs) is still served.
 */
class SchemaValidationEndToEndTest extends SoapRoadsContext {

    private static final Ins BERTHELOT = DemoExchanges.BERTHELOT;
    private static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    private static final Pattern MESSAGE_ID = Pattern.compile("MessageID[^>]*>([^<]+)<");

    @BeforeEach
    void consent() {
        DemoExchanges.consent(consents, BERTHELOT, new CountryScope.AllParticipating());
    }

    @Test
    void anInvalidQueryIsXdsRegistryMetadataErrorNamingTheFirstViolation() {
        String envelope = signed(EhdsiOperation.CROSS_GATEWAY_QUERY, queryBody(BERTHELOT, "60591-5")
                .replaceFirst("returnComposedObjects=\"true\"", "returnComposedObjects=\"yes\""));

        HttpResponse<String> response = SoapHttp.send(port, "/xca", EhdsiOperation.CROSS_GATEWAY_QUERY, envelope);

        ReceivedXml xml = refused(response, "//query:AdhocQueryResponse/@status");
        assertThat(xml.text("//rs:RegistryError/@codeContext")).startsWith("cvc-datatype-valid.1.2.1: '…'")
                .endsWith("(at /AdhocQueryRequest/ResponseOption)").doesNotContain("yes");
        assertAudited(envelope, "DOCUMENT_LIST");
    }

    @Test
    void anInvalidRetrieveIsXdsRegistryMetadataErrorInsteadOfASenderFault() {
        String envelope = signed(EhdsiOperation.CROSS_GATEWAY_RETRIEVE, SoapMessages.retrieveBody(HOME, "1.2.3^4")
                .replaceFirst("<DocumentUniqueId>[^<]*</DocumentUniqueId>", ""));

        HttpResponse<String> response = SoapHttp.send(port, "/xca", EhdsiOperation.CROSS_GATEWAY_RETRIEVE, envelope);

        ReceivedXml xml = refused(response, "//rs:RegistryResponse/@status");
        assertThat(xml.text("//rs:RegistryError/@codeContext")).contains("DocumentUniqueId")
                .endsWith("(at /RetrieveDocumentSetRequest/DocumentRequest)");
        assertAudited(envelope, "DOCUMENT_RETRIEVE");
    }

    @Test
    void anInvalidDispensationIsXdsRegistryMetadataErrorAndNothingIsRecorded() {
        String envelope = SoapMessages.signedRequest(spain, HcpClaims.demoDoctor("ES").withRole("2262", "Pharmacists"),
                EhdsiOperation.PROVIDE_AND_REGISTER, DemoExchanges.dispensationBody(BERTHELOT, "1.2.999.1^EP",
                        "1.2.999.2^L", "schema-invalid").replaceFirst("<(\\w+:)?SubmitObjectsRequest",
                        "<$1Unexpected/><$1SubmitObjectsRequest"), Optional.of(SoapMessages.cx(BERTHELOT)));

        HttpResponse<String> response = SoapHttp.send(port, "/xdr", EhdsiOperation.PROVIDE_AND_REGISTER, envelope);

        ReceivedXml xml = refused(response, "//rs:RegistryResponse/@status");
        assertThat(xml.text("//rs:RegistryError/@codeContext")).startsWith("cvc-complex-type.2.4.a")
                .contains("Unexpected");
        assertAudited(envelope, "DISPENSATION");
    }

    @Test
    void aPatientDiscoveryFailingTheHl7v3SchemaIsLoggedAndServed() {
        // gematik's sample: device ids root="101" are not OIDs (BodySchemasTest).
        HttpResponse<String> response = SoapHttp.send(port, "/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                SoapMessages.signedRequest(spain, HcpClaims.demoDoctor("ES"), EhdsiOperation.PATIENT_DISCOVERY,
                        xcpdBody(BERTHELOT), Optional.empty()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ReceivedXml.parse(response.body()).text("//hl7:queryAck/hl7:queryResponseCode/@code"))
                .isEqualTo("OK");
    }

    private String signed(EhdsiOperation operation, String body) {
        return SoapMessages.signedRequest(spain, HcpClaims.demoDoctor("ES"), operation, body,
                Optional.of(SoapMessages.cx(BERTHELOT)));
    }

    private static ReceivedXml refused(HttpResponse<String> response, String statusPath) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at java.");
        ReceivedXml xml = ReceivedXml.parse(response.body());
        assertThat(xml.text(statusPath)).isEqualTo(FAILURE);
        assertThat(xml.nodes("//rs:RegistryError")).singleElement()
                .satisfies(e -> assertThat(e.getAttribute("errorCode")).isEqualTo("XDSRegistryMetadataError"));
        return xml;
    }

    private void assertAudited(String envelope, String transaction) {
        Matcher id = MESSAGE_ID.matcher(envelope);
        assertThat(id.find()).isTrue();
        assertThat(AuditRows.of(dataSource, id.group(1).trim())).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("REFUSED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo(BodyValidation.RULE);
            assertThat(row.get("ERROR_CODE")).isEqualTo("XDSRegistryMetadataError");
            assertThat(row.get("TRANSACTION_KIND")).isEqualTo(transaction);
            assertThat(row.get("PATIENT_VALUE")).isEqualTo("");
        });
    }
}

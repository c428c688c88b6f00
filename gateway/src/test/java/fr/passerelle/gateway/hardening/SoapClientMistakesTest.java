package fr.passerelle.gateway.hardening;

import static fr.passerelle.gateway.testsupport.SafeAnswers.assertNoInternals;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.soap.AuditRows;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.gateway.soap.SoapHttp;
import fr.passerelle.gateway.soap.SoapMessages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Item 5 of the hardening (issue 20): a client's mistake on the SOAP services is a Sender fault (4xx), audited as a
 * refusal, never a Receiver fault "retry later". Each test sends the mistake that used to answer 500.
 */
class SoapClientMistakesTest extends GatewayUnderAttack {

    private static final String ACTION = EhdsiOperation.PATIENT_DISCOVERY.requestAction();

    private String envelope(String messageId, String body) {
        return SoapMessages.envelope(ACTION, messageId, body);
    }

    private long refusals(String rule) {
        return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM audit_record WHERE deciding_rule = ? "
                + "AND outcome = 'REFUSED'").param(rule).query(Long.class).single();
    }

    private static ReceivedXml assertSenderFault(int status, String body, int actualStatus) {
        assertThat(actualStatus).as(body).isEqualTo(status);
        assertNoInternals(body);
        ReceivedXml fault = ReceivedXml.parse(body);
        assertThat(fault.text("//soap:Fault/soap:Code/soap:Value")).endsWith(":Sender");
        return fault;
    }

    @Test
    void putOnAnEndpointIs405() {
        long before = refusals("HTTP_METHOD_NOT_ALLOWED");

        HttpResponse<String> response = http().send("PUT", "/services/xcpd",
                Map.of("Content-Type", SoapHttp.soap12(ACTION)), envelope("urn:uuid:" + UUID.randomUUID(),
                        SoapMessages.xcpdBody(BERTHELOT)));

        assertSenderFault(405, response.body(), response.statusCode());
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow)
                .contains("POST"));
        assertThat(refusals("HTTP_METHOD_NOT_ALLOWED")).isEqualTo(before + 1);
    }

    @Test
    void aGetThatAsksForNoDocumentIs405AndAnUnknownSchemaIs404() {
        HttpResponse<String> bareGet = http().get("/services/xcpd");
        assertSenderFault(405, bareGet.body(), bareGet.statusCode());

        long before = refusals("WSDL_DOCUMENT_NOT_FOUND");
        HttpResponse<String> unknownSchema = http().get("/services/xcpd?xsd=x");
        assertSenderFault(404, unknownSchema.body(), unknownSchema.statusCode());
        assertThat(refusals("WSDL_DOCUMENT_NOT_FOUND")).isEqualTo(before + 1);

        // What is published is still served.
        assertThat(http().get("/services/xcpd?wsdl").statusCode()).isEqualTo(200);
    }

    @Test
    void twoElementsInTheBodyAreASenderFault() {
        String messageId = "urn:uuid:" + UUID.randomUUID();
        String body = SoapMessages.xcpdBody(BERTHELOT);

        HttpResponse<String> response = postSoap("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                envelope(messageId, body + body));

        assertSenderFault(400, response.body(), response.statusCode());
        assertThat(AuditRows.of(dataSource, messageId)).singleElement()
                .satisfies(row -> assertThat(row.get("OUTCOME")).isEqualTo("REFUSED"));
    }

    @Test
    void anMtomPackageWhoseBoundaryIsNotTheDeclaredOneIsASenderFault() {
        long before = refusals("SOAP_MALFORMED");
        String xml = envelope("urn:uuid:" + UUID.randomUUID(), SoapMessages.xcpdBody(BERTHELOT));
        String parts = "--actual-boundary\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/"
                + "soap+xml\"\r\nContent-ID: <root@passerelle>\r\n\r\n" + xml + "\r\n--actual-boundary--\r\n";

        HttpResponse<String> response = SoapHttp.post(port, "/xcpd", "multipart/related; type=\"application/xop+xml\";"
                        + " boundary=\"declared-boundary\"; start=\"<root@passerelle>\"; start-info=\"application/"
                        + "soap+xml; action=\\\"" + ACTION + "\\\"\"", parts.getBytes(StandardCharsets.UTF_8));

        assertSenderFault(400, response.body(), response.statusCode());
        assertThat(refusals("SOAP_MALFORMED")).isGreaterThan(before);
    }

    @Test
    void anEmptyBodyIsASenderFault() {
        HttpResponse<String> response = SoapHttp.post(port, "/xcpd", SoapHttp.soap12(ACTION), new byte[0]);

        assertSenderFault(400, response.body(), response.statusCode());
    }
}

package fr.passerelle.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.xcpd.PatientDiscoveryOutcome;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The envelope rules every endpoint shares, through real HTTP against the running application: bad envelopes get
 * a SOAP 1.2 fault with Passerelle's own reason (HTTP 400), never exception text nor a stack trace.
 */
@SoapEndpointTest
class EnvelopeRulesTest {

    private static final String XCPD_ACTION = EhdsiOperation.PATIENT_DISCOVERY.requestAction();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    private String xcpdBody() {
        return SoapMessages.sampleBody("gematik/PRPA_IN201305UV02_298.xml");
    }

    @Test
    void servesTheEhdsiWsdlOfEachService() {
        assertThat(wsdlOperations("/xcpd")).contains("RespondingGateway_PRPA_IN201305UV02");
        assertThat(wsdlOperations("/xca")).contains("RespondingGateway_CrossGatewayQuery",
                "RespondingGateway_CrossGatewayRetrieve");
        assertThat(wsdlOperations("/xdr")).contains("DocumentRecipient_ProvideAndRegisterDocumentSet-b");
    }

    private String wsdlOperations(String path) {
        HttpResponse<String> wsdl = SoapHttp.get(port, path + "?wsdl");
        assertThat(wsdl.statusCode()).isEqualTo(200);
        ReceivedXml xml = ReceivedXml.parse(wsdl.body());
        assertThat(xml.text("namespace-uri(//wsdl:binding/*[local-name()='binding'])"))
                .isEqualTo("http://schemas.xmlsoap.org/wsdl/soap12/");
        return xml.nodes("//wsdl:portType/wsdl:operation").stream().map(e -> e.getAttribute("name")).toList().toString();
    }

    @Test
    void malformedXmlIsASenderFaultWithoutParserText() {
        HttpResponse<String> response = SoapHttp.post(port, "/xcpd", SoapHttp.soap12(XCPD_ACTION),
                SoapMessages.envelope(XCPD_ACTION, xcpdBody()).replace("</soap:Body>", "</soap:Bodyy>"));

        assertSenderFault(response, "", "The request is not a well-formed SOAP 1.2 message");
    }

    @Test
    void garbageIsASenderFault() {
        HttpResponse<String> response = SoapHttp.post(port, "/xca", SoapHttp.soap12(XCPD_ACTION), "this is not xml");

        assertSenderFault(response, "", "The request is not a well-formed SOAP 1.2 message");
    }

    @Test
    void soap11IsRefusedWithVersionMismatch() {
        String soap11 = SoapMessages.envelope(XCPD_ACTION, xcpdBody())
                .replace(Namespaces.SOAP12, "http://schemas.xmlsoap.org/soap/envelope/");

        HttpResponse<String> response = SoapHttp.post(port, "/xcpd", "text/xml; charset=UTF-8", soap11);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("VersionMismatch").contains("Only SOAP 1.2");
        assertNoLeak(response.body());
    }

    @Test
    void missingActionIsAnAddressingFault() {
        HttpResponse<String> response = SoapHttp.post(port, "/xcpd", "application/soap+xml; charset=UTF-8",
                SoapMessages.envelope(null, xcpdBody()));

        assertSenderFault(response, "MessageAddressingHeaderRequired",
                "A required WS-Addressing header is missing: wsa:Action");
    }

    @Test
    void missingMessageIdIsAnAddressingFault() {
        HttpResponse<String> response = SoapHttp.post(port, "/xcpd", SoapHttp.soap12(XCPD_ACTION),
                SoapMessages.envelope(XCPD_ACTION, null, xcpdBody()));

        assertSenderFault(response, "MessageAddressingHeaderRequired",
                "A required WS-Addressing header is missing: wsa:MessageID");
    }

    @Test
    void aFaultRelatesToTheRequestItAnswers() {
        String messageId = "urn:uuid:" + java.util.UUID.randomUUID();
        HttpResponse<String> response = SoapHttp.post(port, "/xcpd",
                SoapHttp.soap12("urn:ihe:iti:2007:CrossGatewayQuery"),
                SoapMessages.envelope(XCPD_ACTION, messageId, xcpdBody()));

        assertSenderFault(response, "ActionMismatch",
                "The SOAP action of the HTTP request differs from the WS-Addressing Action");
        ReceivedXml fault = ReceivedXml.parse(response.body());
        assertThat(fault.text("//soap:Header/wsa:RelatesTo")).isEqualTo(messageId);
        assertThat(fault.text("//soap:Header/wsa:MessageID")).isNotEqualTo(messageId);
    }

    @Test
    void aFaultToAnUnreadableRequestRelatesToNothingInParticular() {
        HttpResponse<String> response = SoapHttp.post(port, "/xca", SoapHttp.soap12(XCPD_ACTION), "this is not xml");

        assertThat(ReceivedXml.parse(response.body()).text("//soap:Header/wsa:RelatesTo"))
                .isEqualTo("http://www.w3.org/2005/08/addressing/unspecified");
    }

    @Test
    void actionOfAnotherServiceIsNotSupported() {
        String queryAction = EhdsiOperation.CROSS_GATEWAY_QUERY.requestAction();
        HttpResponse<String> response = SoapHttp.post(port, "/xcpd", SoapHttp.soap12(queryAction),
                SoapMessages.envelope(queryAction, SoapMessages.sampleBody("gematik/AdhocQueryRequestPSA.xml")));

        assertSenderFault(response, "ActionNotSupported", "The WS-Addressing Action is not an operation of this service");
    }

    @Test
    void soapActionDifferentFromAddressingActionIsRefused() {
        HttpResponse<String> response = SoapHttp.post(port, "/xcpd",
                SoapHttp.soap12("urn:ihe:iti:2007:CrossGatewayQuery"), SoapMessages.envelope(XCPD_ACTION, xcpdBody()));

        assertSenderFault(response, "ActionMismatch",
                "The SOAP action of the HTTP request differs from the WS-Addressing Action");
    }

    @Test
    void bodyNotMatchingTheActionIsRefused() {
        String retrieveAction = EhdsiOperation.CROSS_GATEWAY_RETRIEVE.requestAction();
        HttpResponse<String> response = SoapHttp.post(port, "/xca", SoapHttp.soap12(retrieveAction),
                SoapMessages.envelope(retrieveAction, SoapMessages.sampleBody("gematik/AdhocQueryRequestPSA.xml")));

        assertSenderFault(response, "", "The SOAP body must contain exactly one RetrieveDocumentSetRequest element");
    }

    @Test
    void oversizedBodyIsRefusedBeforeParsing() {
        String padding = "<!--" + "x".repeat(250_000) + "-->";
        HttpResponse<String> response = SoapHttp.post(port, "/xcpd", SoapHttp.soap12(XCPD_ACTION),
                SoapMessages.envelope(XCPD_ACTION, padding + xcpdBody()));

        assertSenderFault(response, 413, "", "The request is larger than the accepted 200000 bytes");
    }

    @Test
    void aFailureInsideTheRoadIsAReceiverFaultWithoutItsText() {
        RecordingRoads.DISCOVERY.answer(query -> {
            throw new IllegalStateException("secret internal detail jdbc:postgresql://db");
        });

        String messageId = "urn:uuid:" + java.util.UUID.randomUUID();
        HttpResponse<String> response = SoapHttp.post(port, "/xcpd", SoapHttp.soap12(XCPD_ACTION),
                SoapMessages.envelope(XCPD_ACTION, messageId, xcpdBody()));

        assertThat(response.statusCode()).isEqualTo(500);
        // Our failure is in the trail too: no answered request is missing from it.
        assertThat(AuditRows.of(dataSource, messageId)).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("FAILED");
            assertThat(row.get("DECIDING_RULE")).isEqualTo("INTERNAL_ERROR");
        });
        ReceivedXml fault = ReceivedXml.parse(response.body());
        assertThat(fault.text("//soap:Fault/soap:Code/soap:Value")).endsWith(":Receiver");
        assertThat(fault.text("//soap:Fault/soap:Reason/soap:Text")).startsWith("The request could not be processed");
        assertThat(response.body()).doesNotContain("secret").doesNotContain("IllegalStateException");
        assertNoLeak(response.body());
    }

    @Test
    void untrustedRequesterIsASecurityFault() {
        RecordingRoads.DISCOVERY.answer(query -> new PatientDiscoveryOutcome.Untrusted(
                new SecurityRefusal(SecurityRefusal.Kind.FAILED_AUTHENTICATION, "The HCP assertion has expired",
                        "TRUST_LIFETIME", "")));

        HttpResponse<String> response = SoapHttp.post(port, "/xcpd", SoapHttp.soap12(XCPD_ACTION),
                SoapMessages.envelope(XCPD_ACTION, xcpdBody()));

        assertSenderFault(response, "FailedAuthentication", "The HCP assertion has expired");
        assertThat(response.body()).contains(Namespaces.WSSE);
    }

    private static void assertSenderFault(HttpResponse<String> response, String subcode, String reasonStart) {
        assertSenderFault(response, 400, subcode, reasonStart);
    }

    private static void assertSenderFault(HttpResponse<String> response, int status, String subcode,
                                          String reasonStart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/soap+xml");
        ReceivedXml fault = ReceivedXml.parse(response.body());
        assertThat(fault.text("//soap:Fault/soap:Code/soap:Value")).endsWith(":Sender");
        assertThat(fault.text("//soap:Fault/soap:Code/soap:Subcode/soap:Value")).endsWith(subcode);
        assertThat(fault.text("//soap:Fault/soap:Reason/soap:Text")).startsWith(reasonStart);
        assertThat(fault.count("//soap:Fault/soap:Detail")).isZero();
        assertThat(fault.text("//soap:Header/wsa:Action")).isEqualTo("http://www.w3.org/2005/08/addressing/soap/fault");
        assertThat(fault.text("//soap:Header/wsa:MessageID")).startsWith("urn:uuid:");
        assertThat(fault.count("//soap:Header/wsa:RelatesTo")).isEqualTo(1);
        assertNoLeak(response.body());
    }

    private static void assertNoLeak(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at java.")
                .doesNotContain("Unexpected character").doesNotContain("com.ctc").doesNotContain("cxf");
    }
}

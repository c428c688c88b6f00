package fr.passerelle.gateway.hardening;

import static fr.passerelle.gateway.testsupport.SafeAnswers.assertNoInternals;
import static fr.passerelle.gateway.testsupport.SafeAnswers.assertOperationOutcome;
import static fr.passerelle.gateway.testsupport.SafeAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.gateway.patient.token.DevPatientTokenIssuer;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.gateway.testsupport.DemoOperator;
import fr.passerelle.gateway.testsupport.RawSocket;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Item 3 of the hardening (issue 20): every HTTP entry point bounds its request body — 413 before anything is read
 * when the declared length is over the limit (sent here over a bare socket: a 150 MB declaration followed by a
 * kilobyte), and 413 as soon as a chunked body passes it — in the entry point's own error shape.
 */
class BodyLimitsTest extends GatewayUnderAttack {

    private static final byte[] A_KILOBYTE = "{".concat(" ".repeat(1023)).getBytes(StandardCharsets.UTF_8);

    @Autowired
    DevPatientTokenIssuer patientTokens;

    private RawSocket.Response declared(String method, String path, long contentLength, String contentType,
                                        String... headers) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + contentLength);
        for (String header : headers) {
            head.append("\r\n").append(header);
        }
        return RawSocket.exchange(port, head.toString(), A_KILOBYTE);
    }

    @Test
    void anAnonymousTranslateDeclaring150MegabytesIs413BeforeReading() {
        RawSocket.Response response = declared("POST", "/fhir/ConceptMap/$translate", 150L * 1024 * 1024,
                "application/fhir+json");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.headers().get("content-type")).contains("fhir+json");
        OperationOutcome outcome = (OperationOutcome) FhirContext.forR4Cached().newJsonParser()
                .parseResource(response.body());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TOOLONG);
        assertThat(outcome.getIssueFirstRep().getDiagnostics())
                .isEqualTo("The request is larger than the accepted 65536 bytes");
    }

    @Test
    void aChunkedTranslateBodyIs413OnceItPassesTheLimit() {
        HttpResponse<String> response = http().send("POST", "/fhir/ConceptMap/$translate",
                Map.of("Content-Type", "application/fhir+json", "Accept", "application/fhir+json"),
                chunked(200 * 1024));

        assertThat(assertOperationOutcome(response, 413).getIssueFirstRep().getCode())
                .isEqualTo(OperationOutcome.IssueType.TOOLONG);
    }

    @Test
    void aCrossBorderFhirBodyOver2MegabytesIs413() {
        RawSocket.Response response = declared("POST", "/fhir/Patient/$match", 3L * 1024 * 1024,
                "application/fhir+json", "Authorization: " + bearer(fr.passerelle.trust.issue.HcpClaims.demoDoctor("ES"),
                        null));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("\"too-long\"").contains("2097152 bytes");
    }

    @Test
    void thePatientApiRefuses30MegabytesDeclaredAndAChunked100Kilobytes() {
        RawSocket.Response declared = declared("PUT", "/api/patient/consent", 30L * 1024 * 1024,
                "application/json");
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.headers().get("content-type")).contains("application/problem+json");
        assertThat(declared.body()).contains("\"status\":413").contains("65536 bytes");

        String token = patientTokens.issue(BERTHELOT).token();
        HttpResponse<String> chunked = http().send("PUT", "/api/patient/consent",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token), chunked(100 * 1024));
        assertProblem(chunked, 413);
    }

    @Test
    void theOperatorsApiAndEverythingElseAreBoundedToo() {
        RawSocket.Response admin = declared("PUT", "/api/admin/patients/1.2.250.1.213.1.4.10/284056912304563/consent",
                2L * 1024 * 1024, "application/json", "Authorization: " + DemoOperator.basic());
        assertThat(admin.status()).isEqualTo(413);
        assertThat(admin.body()).contains("\"status\":413").contains("1048576 bytes");

        RawSocket.Response login = declared("POST", "/login", 1024L * 1024, "application/x-www-form-urlencoded");
        assertThat(login.status()).isEqualTo(413);
        assertThat(login.body()).contains("65536 bytes");
    }

    @Test
    void aSoapRequestDeclaring20MegabytesIsAnAuditedSenderFault413() {
        long before = tooLargeRefusals();

        RawSocket.Response response = declared("POST", "/services/xcpd", 20L * 1024 * 1024,
                "application/soap+xml; charset=UTF-8; action=\"" + EhdsiOperation.PATIENT_DISCOVERY.requestAction()
                        + "\"");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.headers().get("content-type")).startsWith("application/soap+xml");
        assertNoInternals(response.body());
        ReceivedXml fault = ReceivedXml.parse(response.body());
        assertThat(fault.text("//soap:Fault/soap:Code/soap:Value")).endsWith(":Sender");
        assertThat(fault.text("//soap:Fault/soap:Reason/soap:Text"))
                .isEqualTo("The request is larger than the accepted 10485760 bytes");
        assertThat(fault.text("//soap:Header/wsa:Action")).isEqualTo("http://www.w3.org/2005/08/addressing/soap/fault");
        assertThat(tooLargeRefusals()).isEqualTo(before + 1);
    }

    private long tooLargeRefusals() {
        return JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM audit_record WHERE deciding_rule = "
                        + "'BODY_TOO_LARGE' AND transaction_kind = 'PATIENT_IDENTIFICATION' AND outcome = 'REFUSED'")
                .query(Long.class).single();
    }

    /** A body of that many bytes sent chunked (no Content-Length): the limit can only be found while reading. */
    private static HttpRequest.BodyPublisher chunked(int bytes) {
        byte[] body = ("{" + " ".repeat(bytes - 2) + "}").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }
}

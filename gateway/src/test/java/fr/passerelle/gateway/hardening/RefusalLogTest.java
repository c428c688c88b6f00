package fr.passerelle.gateway.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.SoapHttp;
import fr.passerelle.gateway.soap.SoapMessages;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Item 6 of the hardening (issue 20): a refused request writes one structured line — road, status, code, rule,
 * correlation id — and no stack trace; CXF's "unwinding" warning and HAPI's error on client faults are gone.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalLogTest extends GatewayUnderAttack {

    private static final String ACTION = EhdsiOperation.PATIENT_DISCOVERY.requestAction();

    @Test
    void eachRefusalIsOneLineWithItsCodeRuleAndCorrelationId(CapturedOutput output) {
        String marker = "refusal-log-" + UUID.randomUUID();
        List<HttpResponse<String>> answers = List.of(
                // SOAP: not XML, unsigned, PUT
                SoapHttp.post(port, "/xcpd", SoapHttp.soap12(ACTION), "this is not xml"),
                SoapHttp.post(port, "/xcpd", SoapHttp.soap12(ACTION),
                        SoapMessages.envelope(ACTION, xcpdBody())),
                http().send("PUT", "/services/xcpd", Map.of("Content-Type", SoapHttp.soap12(ACTION),
                        "X-Correlation-Id", marker + "-put"), "<x/>"),
                // FHIR: a parameter HAPI cannot bind, an INS too long, no credentials
                http().get("/fhir/ValueSet/$expand?url=http://x&count=abc", Map.of("X-Correlation-Id",
                        marker + "-count")),
                http().get("/fhir/Patient?identifier=urn:oid:" + Ins.TEST_NIR + "%7C" + "9".repeat(3_000),
                        fhirHeaders(null)),
                http().get("/fhir/Patient?identifier=urn:oid:" + Ins.TEST_NIR + "%7C" + BERTHELOT.value(),
                        Map.of("X-Correlation-Id", marker + "-anonymous")));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isBetween(400, 499));

        String[] lines = output.getOut().split("\\R");
        List<String> refusals = Arrays.stream(lines).filter(line -> line.contains("refused road=")).toList();
        assertThat(refusals).as("one line per refused request").hasSizeGreaterThanOrEqualTo(answers.size());
        assertThat(refusals).allSatisfy(line -> assertThat(line).containsPattern(
                "refused road=\\S+ status=4\\d\\d code=\\S+ rule=\\S+ correlationId=\\S+"));
        assertThat(refusals).anySatisfy(line -> assertThat(line).contains("correlationId=" + marker + "-count"));
        assertThat(refusals).anySatisfy(line -> assertThat(line)
                .contains("road=SOAP status=405").contains("rule=HTTP_METHOD_NOT_ALLOWED"));
        assertThat(output.getOut()).doesNotContain("\tat ").doesNotContain("unwinding")
                .doesNotContain("Failure during REST processing").doesNotContain("Exception:")
                .doesNotContain(BERTHELOT.value());
    }

    @Test
    void ourOwnFailureKeepsItsStackTraceButNotItsMessage(CapturedOutput output) {
        IllegalStateException bug = new IllegalStateException("SELECT * FROM consent WHERE ins = '284056912304563'",
                new java.sql.SQLException("Value too long for column PATIENT_VALUE: 284056912304563"));

        fr.passerelle.gateway.logging.RequestLog.failed("TEST", bug);

        assertThat(output.getOut()).contains("failed road=TEST").contains("java.lang.IllegalStateException")
                .contains("Caused by: java.sql.SQLException").contains("\tat ")
                .doesNotContain("284056912304563").doesNotContain("SELECT");
    }

    private static String xcpdBody() {
        return SoapMessages.xcpdBody(BERTHELOT);
    }
}

package fr.passerelle.gateway.hardening;

import static fr.passerelle.gateway.testsupport.SafeAnswers.assertOperationOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.healthspace.Ins;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/**
 * Item 1 of the hardening (issue 20): every FHIR exception is an OperationOutcome with safe text; a client's
 * mistake is a 4xx. Each test sends the request that used to answer 500 with Java or SQL text.
 */
class ErrorAnswersTest extends GatewayUnderAttack {

    @Test
    void aCountThatIsNotANumberIs400WithoutTheParsersText() {
        HttpResponse<String> response = http().get("/fhir/ValueSet/$expand?url=http://x&count=abc",
                Map.of("Accept", "application/fhir+json"));

        OperationOutcome outcome = assertOperationOutcome(response, 400);
        assertThat(response.body()).doesNotContain("NumberFormat").doesNotContain("abc");
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.INVALID);
    }

    @Test
    void anIdentifierOf3000CharactersIs400AndNeverReachesTheDatabase() {
        String longValue = "1".repeat(3_000);
        HttpResponse<String> response = http().get("/fhir/Patient?identifier=urn:oid:" + Ins.TEST_NIR + "%7C"
                + longValue, fhirHeaders(null));

        OperationOutcome outcome = assertOperationOutcome(response, 400);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("INS value");
    }

    @Test
    void anUnknownResourceTypeIsAClientError() {
        HttpResponse<String> response = http().get("/fhir/Foo?x=1", Map.of("Accept", "application/fhir+json"));
        assertThat(response.statusCode()).isIn(400, 404);
        assertOperationOutcome(response, response.statusCode());
    }

    /** Found by the fuzzing test: an encoded semicolon, refused by Spring Security's firewall before HAPI. */
    @Test
    void aUrlTheFirewallRejectsIsStillAnsweredInEachProtocolsShape() {
        assertOperationOutcome(http().get("/fhir/Patient/$match/%26amp%3B", Map.of("Accept",
                "application/fhir+json")), 400);

        HttpResponse<String> soap = http().send("POST", "/services/xcpd%3Bx", Map.of("Content-Type",
                "application/soap+xml"), "<x/>");
        assertThat(soap.statusCode()).isEqualTo(400);
        assertThat(soap.body()).contains("Fault>").contains("not acceptable");

        fr.passerelle.gateway.testsupport.SafeAnswers.assertProblem(http().get("/api/patient/consent%3Bx"), 400);
    }

    @Test
    void aBodyThatIsNotFhirIs400() {
        Map<String, String> headers = new HashMap<>(fhirHeaders(null));
        headers.put("Content-Type", "application/fhir+json");
        HttpResponse<String> response = http().send("POST", "/fhir/Patient/$match", headers,
                "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":"
                        + "{\"resourceType\":\"Patient\",\"birthDate\":\"not-a-date\"");

        assertOperationOutcome(response, 400);
    }

    @Test
    void aBirthDateThatIsNotADateIs400() {
        Map<String, String> headers = new HashMap<>(fhirHeaders(null));
        headers.put("Content-Type", "application/fhir+json");
        HttpResponse<String> response = http().send("POST", "/fhir/Patient/$match", headers,
                "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":"
                        + "{\"resourceType\":\"Patient\",\"birthDate\":\"1984-99-99\"}}]}");

        assertThat(response.statusCode()).isBetween(400, 499);
        assertOperationOutcome(response, response.statusCode());
    }
}

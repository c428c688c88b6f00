package fr.passerelle.gateway.fhir.crossborder;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.TestGateway;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The FHIR road over Belgium's rate limit (two requests per ten-year window): the third request is answered 429
 * with {@code Retry-After} and an OperationOutcome {@code throttled} carrying ERROR_GENERIC, while Germany is
 * still served.
 */
class FhirRateLimitTest {

    static final String BERTHELOT = "284056912304563";
    static final DemoPki PKI = DemoPki.generate(Instant.now(), Duration.ofDays(30), List.of("BE", "DE"));

    static ConfigurableApplicationContext app;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        TestGateway gateway = TestGateway.trusting(PKI, "fhir-ratelimit",
                "--passerelle.rate-limit.window=P3650D", "--passerelle.rate-limit.countries.BE=2");
        app = gateway.context();
        base = gateway.base() + "/fhir";
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void overItsQuotaBelgiumGets429WithRetryAfterAndGermanyIsStillServed() throws Exception {
        assertThat(summary("BE").statusCode()).isEqualTo(200);
        assertThat(summary("BE").statusCode()).isEqualTo(200);

        HttpResponse<String> throttled = summary("BE");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        OperationOutcome outcome = FhirContext.forR4Cached().newJsonParser()
                .parseResource(OperationOutcome.class, throttled.body());
        var issue = outcome.getIssueFirstRep();
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.THROTTLED);
        assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("ERROR_GENERIC");
        assertThat(issue.getDiagnostics()).contains("Rate limit exceeded for country:BE");
        assertThat(throttled.body()).doesNotContain(BERTHELOT);

        assertThat(summary("DE").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> summary(String country) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/Patient/"
                + app.getBean(FhirPatientIds.class).idOf(new Ins(Ins.TEST_NIR, BERTHELOT)) + "/$summary")).header("Accept", "application/fhir+json");
        CrossBorderRequesters.samlHeaders(PKI.signer(country), HcpClaims.demoDoctor(country),
                CrossBorderRequesters.trcPatient(Ins.TEST_NIR, BERTHELOT)).forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package fr.passerelle.gateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.OperationOutcome;

/** What every refused request's answer must be: in its protocol's error shape, and telling nothing of the server. */
public final class SafeAnswers {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private SafeAnswers() {
    }

    /** No stack trace, exception name, SQL or server software in a body. */
    public static void assertNoInternals(String body) {
        assertThat(body).doesNotContainIgnoringCase("exception")
                .doesNotContain("\tat ").doesNotContain("java.").doesNotContain("fr.passerelle")
                .doesNotContainIgnoringCase("insert into").doesNotContainIgnoringCase("select ")
                .doesNotContainIgnoringCase("audit_record").doesNotContainIgnoringCase("jdbc")
                .doesNotContain("HAPI-").doesNotContainIgnoringCase("apache");
    }

    /** A FHIR OperationOutcome with this status, an error issue and no internals; returns it. */
    public static OperationOutcome assertOperationOutcome(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("fhir+");
        assertNoInternals(response.body());
        OperationOutcome outcome = (OperationOutcome) FHIR.newJsonParser().parseResource(response.body());
        assertThat(outcome.getIssueFirstRep().getSeverity()).isIn(OperationOutcome.IssueSeverity.ERROR,
                OperationOutcome.IssueSeverity.FATAL);
        return outcome;
    }

    /** An RFC 9457 problem (the /api and consoles' JSON error shape) with this status and no internals. */
    public static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(response.body()).contains("\"status\":" + status);
        assertNoInternals(response.body());
    }
}

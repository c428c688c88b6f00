package fr.passerelle.gateway.fhir.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** Which exception becomes which answer, and that no answer carries what the exception said about the server. */
class FhirExceptionMapperTest {

    @Test
    void ourRefusalIsAnsweredAsItIs() {
        FhirRefusal refusal = FhirRefusal.invalid("a patient id is <INS OID>-<INS>");
        assertThat(FhirExceptionMapper.decide(new InternalErrorException("wrapped", refusal))).isSameAs(refusal);
    }

    @Test
    void aNumberHapiCouldNotBindIsTheClientsMistake() {
        // Thrown by the JDK under HAPI's parameter binding: no Passerelle frame on its stack.
        NumberFormatException hapiBinding = new NumberFormatException("For input string: \"abc\"");
        hapiBinding.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.lang.Integer", "parseInt", "Integer.java", 1),
                new StackTraceElement("ca.uhn.fhir.rest.server.method.OperationParameter", "translate", "x", 1)});

        BaseServerResponseException answer = FhirExceptionMapper.decide(
                new InternalErrorException("Failed to call access method: " + hapiBinding, hapiBinding));

        assertThat(answer.getStatusCode()).isEqualTo(400);
        assertThat(diagnostics(answer)).isEqualTo(FhirExceptionMapper.UNREADABLE);
    }

    @Test
    void aParseFailureOfHapiDataTypesIsTheClientsMistake() {
        assertThat(FhirExceptionMapper.decide(new DataFormatException("Invalid date/time format: \"x\""))
                .getStatusCode()).isEqualTo(400);
    }

    @Test
    void anIllegalArgumentRaisedByPasserelleIsOurBugAnsweredWithAFixedText() {
        IllegalArgumentException ours = new IllegalArgumentException("INSERT INTO audit_record failed for 2840…");
        ours.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("fr.passerelle.gateway.audit.AuditTrail", "record", "AuditTrail.java", 1)});

        BaseServerResponseException answer = FhirExceptionMapper.decide(ours);

        assertThat(answer.getStatusCode()).isEqualTo(500);
        assertThat(diagnostics(answer)).isEqualTo(FhirExceptionMapper.INTERNAL);
    }

    @Test
    void anyOtherFailureIs500WithoutItsMessage() {
        BaseServerResponseException answer = FhirExceptionMapper.decide(new InternalErrorException(
                "Failed to call access method: org.h2.jdbc.JdbcSQLDataException: Value too long for column",
                new IllegalStateException("SELECT * FROM consent WHERE patient_value = ?")));

        assertThat(answer.getStatusCode()).isEqualTo(500);
        assertThat(diagnostics(answer)).isEqualTo(FhirExceptionMapper.INTERNAL).doesNotContain("SQL");
    }

    @Test
    void hapisOwnClientErrorsKeepTheirStatusAndABoundedSafeText() {
        assertThat(FhirExceptionMapper.decide(new ResourceNotFoundException("Unknown resource type 'Foo'"))
                .getStatusCode()).isEqualTo(404);
        BaseServerResponseException echoing = FhirExceptionMapper.decide(
                new InvalidRequestException("Invalid parameter " + "x".repeat(5_000)));
        assertThat(echoing.getStatusCode()).isEqualTo(400);
        assertThat(diagnostics(echoing)).hasSizeLessThan(200);
        BaseServerResponseException naming = FhirExceptionMapper.decide(
                new InvalidRequestException("Failed: java.lang.IllegalStateException at ca.uhn.Foo"));
        assertThat(diagnostics(naming)).doesNotContain("java.", "Exception");
    }

    private static String diagnostics(BaseServerResponseException answer) {
        return ((OperationOutcome) answer.getOperationOutcome()).getIssueFirstRep().getDiagnostics();
    }
}

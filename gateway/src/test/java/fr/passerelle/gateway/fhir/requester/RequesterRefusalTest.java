package fr.passerelle.gateway.fhir.requester;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.trust.EhdsiError;
import fr.passerelle.trust.Refusal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each kind of trust refusal as the FHIR road answers it, through the one catalogue ({@link ExchangeError#of}):
 * credentials missing or not believed are 401 with a {@code WWW-Authenticate} challenge and issue type
 * {@code security}; a believed requester without the rights is 403 {@code forbidden}; the eHDSI code is trust's own
 * wire value and the diagnostics say which check refused.
 */
class RequesterRefusalTest {

    /** What the FHIR road answered for each refusal before the mapping moved to the catalogue, unchanged. */
    private static final Map<EhdsiError, Integer> STATUS = new EnumMap<>(Map.of(
            EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED, 401,
            EhdsiError.ERROR_HPI_INSUFFICIENT_INFORMATION, 401,
            EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, 401,
            EhdsiError.ERROR_SEC_GENERIC, 401,
            EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, 403,
            EhdsiError.ERROR_UNKNOWN_PATIENT_IDENTIFIER, 403,
            EhdsiError.ERROR_INSUFFICIENT_RIGHTS, 403));

    @ParameterizedTest
    @EnumSource(EhdsiError.class)
    void eachTrustRefusalIsAnsweredWithItsStatusAndCode(EhdsiError error) {
        assertThat(STATUS).as("every trust refusal has an expected answer").containsKey(error);

        FhirRefusal answer = RequesterInterceptor.refusal(new Refusal(error, "signature", "the signature does not verify"));

        int status = STATUS.get(error);
        assertThat(answer.getStatusCode()).isEqualTo(status);
        OperationOutcome.OperationOutcomeIssueComponent issue =
                ((OperationOutcome) answer.getOperationOutcome()).getIssueFirstRep();
        assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(issue.getCode()).isEqualTo(status == 401
                ? OperationOutcome.IssueType.SECURITY : OperationOutcome.IssueType.FORBIDDEN);
        Coding coding = issue.getDetails().getCodingFirstRep();
        assertThat(coding.getSystem()).isEqualTo(FhirRefusal.EHDSI_ERROR_SYSTEM);
        assertThat(coding.getCode()).isEqualTo(error.code());
        assertThat(coding.getDisplay()).isEqualTo(ExchangeError.of(error).description());
        assertThat(issue.getDiagnostics()).isEqualTo("signature: the signature does not verify");
        Map<String, List<String>> headers = answer.getResponseHeaders();
        if (status == 401) {
            assertThat(headers.get("WWW-Authenticate")).singleElement().asString().startsWith("Bearer ");
        } else {
            assertThat(headers).doesNotContainKey("WWW-Authenticate");
        }
    }
}

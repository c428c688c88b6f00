package fr.passerelle.gateway.fhir.outcome;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import fr.passerelle.gateway.exchange.ExchangeError;
import fr.passerelle.gateway.exchange.ExchangeRefusal;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * A refusal thrown out of a provider or interceptor; HAPI answers it with its status and OperationOutcome. The
 * eHDSI code goes in {@code issue.details.coding} (system {@link #EHDSI_ERROR_SYSTEM}), the reason in
 * {@code diagnostics}: never a stack trace, never patient data.
 */
public final class FhirRefusal extends BaseServerResponseException {

    /** The code system of eHDSI error codes as Passerelle sends them (the codes are OpenNCP's). */
    public static final String EHDSI_ERROR_SYSTEM = "urn:passerelle:ehdsi-error-code";

    private static final long serialVersionUID = 1L;

    private FhirRefusal(int status, String reason, OperationOutcome outcome) {
        super(status, reason, outcome);
    }

    public static FhirRefusal of(int status, OperationOutcome.IssueType type, String code, String display,
                                 String reason) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(reason);
        if (code != null) {
            issue.setDetails(new CodeableConcept().setText(display)).getDetails().addCoding()
                    .setSystem(EHDSI_ERROR_SYSTEM).setCode(code).setDisplay(display);
        }
        return new FhirRefusal(status, reason, outcome);
    }

    /** A refusal of a use case, with the status of its kind. */
    public static FhirRefusal of(ExchangeRefusal refusal) {
        ExchangeError error = refusal.error();
        return switch (error.kind()) {
            case FORBIDDEN -> of(403, OperationOutcome.IssueType.FORBIDDEN, error.code(), error.description(),
                    refusal.reason());
            case NOT_FOUND -> of(404, OperationOutcome.IssueType.NOTFOUND, error.code(), error.description(),
                    refusal.reason());
            case UNPROCESSABLE -> of(422, OperationOutcome.IssueType.PROCESSING, error.code(), error.description(),
                    refusal.reason());
            case UNAVAILABLE -> of(503, OperationOutcome.IssueType.TRANSIENT, error.code(), error.description(),
                    refusal.reason());
        };
    }

    /** The request itself is malformed (a missing mandatory parameter, an unknown identifier system). */
    public static FhirRefusal invalid(String reason) {
        return of(400, OperationOutcome.IssueType.INVALID, null, null, reason);
    }

    /** The request cannot be processed as it stands (e.g. a MedicationDispense without identifier). */
    public static FhirRefusal unprocessable(String reason) {
        return of(422, OperationOutcome.IssueType.PROCESSING, null, null, reason);
    }
}

package fr.passerelle.gateway.fhir.outcome;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.exchange.ExchangeRefusal;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * A refusal thrown out of a provider or interceptor; HAPI answers it with its status and OperationOutcome. The
 * eHDSI code goes in {@code issue.details.coding} (system {@link #EHDSI_ERROR_SYSTEM}), the reason in
 * {@code diagnostics}: never a stack trace, never patient data.
 */
public final class FhirRefusal extends BaseServerResponseException {

    /**
     * The code system of eHDSI error codes as Passerelle sends them (the codes are OpenNCP's). Neither the
     * MyHealth@EU NCP FHIR API nor the HL7 Europe guides publish a CodeSystem for the eHDSI error catalogue, so the
     * codes are sent under a Passerelle canonical on the project's base URL (the one its StructureDefinitions
     * already use); docs/fhir.md documents it and says to switch when an official one appears.
     */
    public static final String EHDSI_ERROR_SYSTEM = "https://passerelle.esante.gouv.fr/fhir/CodeSystem/ehdsi-error-code";

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
            case UNAUTHENTICATED -> unauthenticated(of(401, OperationOutcome.IssueType.SECURITY, error.code(),
                    error.description(), refusal.reason()));
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

    /**
     * A 401 must name how to authenticate (RFC 9110 §15.5.2): the FHIR road takes a bearer token (or the SAML
     * assertion headers docs/fhir.md describes).
     */
    private static FhirRefusal unauthenticated(FhirRefusal refusal) {
        refusal.addResponseHeader("WWW-Authenticate", "Bearer realm=\"passerelle\"");
        return refusal;
    }

    /**
     * The health space could not answer a read a provider makes itself, outside a use case: answered as the use
     * cases answer it (its refusal of the access, or ERROR_GENERIC / 503), never as a server error.
     */
    public static FhirRefusal of(HealthSpaceUnavailableException failure) {
        return of(failure.refusedAccess()
                ? new ExchangeRefusal(ExchangeError.ERROR_INSUFFICIENT_RIGHTS, "the French health space refused the access")
                : new ExchangeRefusal(ExchangeError.ERROR_GENERIC, "the French health space cannot answer now; nothing "
                        + "was changed, the request may be sent again"));
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

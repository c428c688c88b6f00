package fr.passerelle.gateway.fhir.requester;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Says in {@code /metadata} how to be believed ({@code rest.security}): the bearer JWT and its claims, or the eHDSI
 * SAML assertions in headers, over mutual TLS. The text is built from the live settings (audience, lifetime, reuse
 * rule), so what the statement says is what the verifier does; docs/implementers.md has the full table.
 */
@Interceptor
public final class CapabilitySecurity {

    static final String SERVICE_SYSTEM = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    private final String description;

    public CapabilitySecurity(FhirSecurityProperties properties) {
        this.description = describe(properties);
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void describeSecurity(IBaseConformance generated) {
        if (!(generated instanceof CapabilityStatement capability)) {
            return;
        }
        for (CapabilityStatement.CapabilityStatementRestComponent rest : capability.getRest()) {
            CapabilityStatement.CapabilityStatementRestSecurityComponent security = rest.getSecurity();
            security.setCors(false);
            security.getService().clear();
            security.addService(new CodeableConcept(new Coding(SERVICE_SYSTEM, "OAuth", "OAuth"))
                    .setText("Bearer JWT signed by the requesting NCP (IHE IUA spirit), or the eHDSI SAML HCP and TRC"
                            + " assertions in X-HCP-Assertion / X-TRC-Assertion"));
            security.addService(new CodeableConcept(new Coding(SERVICE_SYSTEM, "Certificates", "Certificates"))
                    .setText("Mutual TLS between NCPs with the eHDSI TLS certificates"));
            security.setDescription(description);
        }
    }

    private static String describe(FhirSecurityProperties properties) {
        String reuse = properties.tokenReuse() == TokenReuse.ONCE
                ? "each token is accepted **once** (its `jti` is recorded until `exp`; send a new token per request)"
                : "a token may be sent again until it expires; another token reusing a `jti` is refused";
        return "Every Patient, DocumentReference, Bundle, Binary, MedicationRequest, Medication and MedicationDispense"
                + " interaction needs one of:\n\n"
                + "1. `Authorization: Bearer <JWT>`: RS256 or ES256, signer certificate in the `x5c` header, chaining"
                + " to the trust list of the country in its subject `C`. Claims: `iss` (string: an issuer of that"
                + " country, `urn:<namespace>:<CC>:<name>` unless configured), `aud` (`" + properties.tokenAudience()
                + "`), `exp`, `iat` (numbers, lifetime at most " + properties.maxTokenLifetime().toMinutes()
                + " min), `jti` (string), `sub`, `subject_role` (ISCO-08), `subject_name`, `subject_organization`,"
                + " `subject_organization_id`, `purpose_of_use` (`TREATMENT` or `EMERGENCY`) (strings),"
                + " `permissions` (array of strings, HL7 PRD/PPD codes) and, for documents, `person_id`"
                + " (`INS^^^&OID&ISO`). " + capitalise(reuse) + ".\n"
                + "2. `X-HCP-Assertion` and `X-TRC-Assertion`: the signed eHDSI SAML assertions, base64; validated"
                + " as on the SOAP road (one use per assertion id).\n\n"
                + "A refusal is an OperationOutcome: 401 (credentials missing or not believed, with"
                + " `WWW-Authenticate`), 403 (not allowed), with the eHDSI error code in `issue.details`. Patient ids"
                + " are the server's own opaque ids: find a patient with `Patient?identifier=<INS system>|<INS>`.";
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

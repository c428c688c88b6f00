package fr.passerelle.trust;

import java.util.Set;

/**
 * The request's assertions are not believed, or a believed requester may not make this request.
 *
 * @param error  the eHDSI error to report to the requesting NCP
 * @param check  the check that failed, e.g. {@code signature}
 * @param reason why, in words safe to log and to send back (never assertion content or patient ids)
 */
public record Refusal(EhdsiError error, String check, String reason) implements Validation {

    /**
     * The checks that judge what a believed requester may do rather than whether to believe them: they run only on
     * assertions already signed by a trusted NCP, in force and meant for us (checks 4 to 7 passed): the TRC missing
     * where the transaction needs one or bound to another HCP assertion or practitioner (1002), the TRC naming another
     * patient (4206), a role, permission or purpose the transaction does not allow (4703).
     */
    static final Set<String> PERMISSION_CHECKS = Set.of("trc-required", "trc-binding", "trc-patient", "access-rule");

    /**
     * Whether the assertions were believed and the refusal is about the requester's rights: a road answers it as a
     * business refusal in its own shape (RegistryError, HL7v3 acknowledgement detail, FHIR 403) rather than a
     * security fault, as OpenNCP answers its InsufficientRights refusals. Every other refusal means the assertions
     * cannot be believed (missing, malformed, unsigned, untrusted, expired, replayed).
     */
    public boolean requesterBelieved() {
        return PERMISSION_CHECKS.contains(check);
    }
}

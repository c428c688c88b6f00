package fr.passerelle.gateway.healthspace;

/**
 * The national health space could not answer (timeout, outage, open circuit…) or refused the call on its own
 * rules. Implementations that talk to a remote system throw it (or a subclass) so the roads can answer the foreign
 * NCP with an eHDSI error in time instead of a server error; its message never carries patient data.
 */
public class HealthSpaceUnavailableException extends RuntimeException {

    public HealthSpaceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the health space itself refused this professional the access, rather than failing to answer. */
    public boolean refusedAccess() {
        return false;
    }

    /**
     * Why the call failed, as the audit trail records it (at most 64 characters, never patient data): which
     * system, what went wrong, during which operation.
     */
    public String auditReason() {
        return refusedAccess() ? "HEALTH_SPACE_REFUSED" : "HEALTH_SPACE_UNAVAILABLE";
    }
}

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
}

package fr.passerelle.gateway.audit.fhir;

/** A search parameter that cannot be understood; the FHIR provider answers 400 with this message. */
public class InvalidAuditSearchException extends IllegalArgumentException {
    public InvalidAuditSearchException(String message) {
        super(message);
    }
}

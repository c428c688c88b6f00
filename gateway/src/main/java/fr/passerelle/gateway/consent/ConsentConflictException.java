package fr.passerelle.gateway.consent;

/** Two changes of one patient's consent raced; the later one must be re-applied on the new current version. */
public class ConsentConflictException extends RuntimeException {
    public ConsentConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}

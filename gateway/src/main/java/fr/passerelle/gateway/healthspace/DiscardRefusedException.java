package fr.passerelle.gateway.healthspace;

/** The health space cannot discard a dispensation; the reason says why, without patient data. */
public class DiscardRefusedException extends RuntimeException {

    /** Why, in terms a protocol error can carry. */
    public enum Reason {
        /** No dispensation was recorded under this id. */
        UNKNOWN_DISPENSATION,
        /** The dispensation belongs to another patient. */
        OTHER_PATIENT,
        /** This health space offers no way to discard a dispensation. */
        UNSUPPORTED
    }

    private final Reason reason;

    public DiscardRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

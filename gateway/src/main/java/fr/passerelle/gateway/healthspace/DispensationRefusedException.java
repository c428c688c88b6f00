package fr.passerelle.gateway.healthspace;

/** The health space cannot record a dispensation; the reason says why, without patient data. */
public class DispensationRefusedException extends RuntimeException {

    /** Why, in terms a protocol error can carry. */
    public enum Reason { UNKNOWN_PRESCRIPTION, UNKNOWN_LINE, OTHER_PATIENT, ALREADY_DISPENSED, CONFLICTING_RESUBMISSION }

    private final Reason reason;

    public DispensationRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

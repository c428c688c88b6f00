package fr.passerelle.trust;

/**
 * A failed check of {@link RequestValidator}, thrown by the check and turned into its {@link Refusal} at the top
 * of the validator: the first check that fails ends the validation. No stack trace: a refusal is an answer, not
 * a fault.
 */
final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Refusal refusal;

    Refused(EhdsiError error, String check, String reason) {
        super(reason, null, false, false);
        this.refusal = new Refusal(error, check, reason);
    }

    Refusal refusal() {
        return refusal;
    }
}

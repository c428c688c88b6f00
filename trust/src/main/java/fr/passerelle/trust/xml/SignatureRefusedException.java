package fr.passerelle.trust.xml;

/** The XML signature cannot be believed; the message says which rule it broke, never the signed content. */
public final class SignatureRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public SignatureRefusedException(String message) {
        super(message);
    }

    public SignatureRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}

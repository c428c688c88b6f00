package fr.passerelle.trust.assertion;

/** The assertion does not have the SAML 2.0 / eHDSI shape; the message names the rule, never the content. */
public final class MalformedAssertionException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedAssertionException(String message) {
        super(message);
    }
}

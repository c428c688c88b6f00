package fr.passerelle.translation.conformance;

/** A schematron that cannot be compiled, or a document it cannot be run on. */
public final class SchematronException extends Exception {

    public SchematronException(String message) {
        super(message);
    }

    public SchematronException(String message, Throwable cause) {
        super(message, cause);
    }
}

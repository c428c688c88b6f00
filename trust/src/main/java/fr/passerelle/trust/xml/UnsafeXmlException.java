package fr.passerelle.trust.xml;

/** The input is not XML we are willing to read: malformed, a DTD, an entity, XInclude, or beyond a limit. */
public final class UnsafeXmlException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnsafeXmlException(String message) {
        super(message);
    }

    public UnsafeXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}

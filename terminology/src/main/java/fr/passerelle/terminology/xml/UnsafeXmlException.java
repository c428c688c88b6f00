package fr.passerelle.terminology.xml;

/**
 * The input is not XML we are willing to read: malformed, a DOCTYPE or entity, XInclude, or beyond a limit. Carries
 * the line and column where the parser stopped ({@code -1} when unknown), never the document's content.
 */
public final class UnsafeXmlException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    UnsafeXmlException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}

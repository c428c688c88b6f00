package fr.passerelle.terminology;

/**
 * A terminology file could not be loaded: names the file (and line or entry when known) and what is wrong.
 * When a reload fails with this, the catalogue that was live stays live.
 */
public class TerminologyLoadException extends Exception {

    private final String file;

    public TerminologyLoadException(String file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public TerminologyLoadException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The file (or file and entry, {@code package.tgz!package/ValueSet-x.json}) that failed. */
    public String file() {
        return file;
    }
}

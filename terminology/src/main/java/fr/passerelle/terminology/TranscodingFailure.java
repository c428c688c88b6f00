package fr.passerelle.terminology;

import java.util.Objects;

/**
 * Why a coding could not be transcoded or validated, with the eHDSI (OpenNCP TSAM) error or warning code that
 * the pivot document reports, and a message for operators (no patient data in it: only codes and value sets).
 */
public record TranscodingFailure(Reason reason, String message) {

    public TranscodingFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** The eHDSI TSAM code, e.g. {@code 4504}. */
    public String ehdsiCode() {
        return reason.ehdsiCode();
    }

    public boolean isWarning() {
        return reason.severity() == Severity.WARNING;
    }

    public enum Severity { ERROR, WARNING }

    /** Each reason with the OpenNCP TSAM code that carries it in eHDSI. */
    public enum Reason {
        /** The coding's system is not known to the catalogue (TSAM 4501 ERROR_CODE_SYSTEM_NOTFOUND). */
        UNKNOWN_CODE_SYSTEM("4501", Severity.ERROR),
        /** The code is not in its code system (TSAM 4503 ERROR_CODE_SYSTEM_CONCEPT_NOTFOUND). */
        UNKNOWN_CODE("4503", Severity.ERROR),
        /** No concept map gives a target in the value set (TSAM 4504 ERROR_TARGET_CONCEPT_NOTFOUND). */
        NO_MAPPING("4504", Severity.ERROR),
        /** The target value set is not in the catalogue (TSAM 4507 ERROR_EPSOS_CODE_SYSTEM_NOTFOUND). */
        UNKNOWN_VALUE_SET("4507", Severity.ERROR),
        /** One source code maps to several targets: never picked silently (TSAM 4509 ERROR_TRANSCODING_INVALID). */
        AMBIGUOUS_MAPPING("4509", Severity.ERROR),
        /** The code is known but not in the requested value set (TSAM 2507 WARNING_VS_DOESNT_MATCH). */
        CODE_NOT_IN_VALUE_SET("2507", Severity.WARNING);

        private final String ehdsiCode;
        private final Severity severity;

        Reason(String ehdsiCode, Severity severity) {
            this.ehdsiCode = ehdsiCode;
            this.severity = severity;
        }

        public String ehdsiCode() {
            return ehdsiCode;
        }

        public Severity severity() {
            return severity;
        }
    }
}

package fr.passerelle.trust;

/**
 * The eHDSI / OpenNCP error codes a refusal reports to the requesting NCP (the {@code code} goes into the
 * XCPD/XCA/XDR error or the FHIR OperationOutcome). Codes as OpenNCP's {@code OpenNCPErrorCode} sends them.
 */
public enum EhdsiError {
    /** No HCP identity assertion was received. */
    ERROR_HPI_AUTHENTICATION_NOT_RECEIVED("ERROR_HPI_AUTHENTICATION_NOT_RECEIVED",
            "HP authentication method has not been received by the Country of Affiliation"),
    /** The HCP assertion lacks information the profile requires. */
    ERROR_HPI_INSUFFICIENT_INFORMATION("ERROR_HPI_INSUFFICIENT_INFORMATION",
            "Information provided about the HP is insufficient"),
    /** Signature, trust, time, replay or structure of an assertion: integrity cannot be ensured. */
    ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED("ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED",
            "Integrity of the exchanged data cannot be ensured, such as with insufficient/invalidated SAML assertions"),
    /** The message itself is not acceptable XML (DTD, entities, limits). */
    ERROR_SEC_GENERIC("ERROR_SEC_GENERIC", "Security error"),
    /** The TRC assertion is missing, invalid or bound to another HCP assertion. */
    ERROR_NOT_VALID_TRC_ASSERTION("1002", "The given TRC Assertion does not validate against the Identity Assertion"),
    /** The patient in the request is not the patient of the TRC assertion. */
    ERROR_UNKNOWN_PATIENT_IDENTIFIER("4206",
            "The patient identifier in the query differs from the patient identifier in the TRC assertion"),
    /** The practitioner's role, permissions or purpose of use do not allow the transaction. */
    ERROR_INSUFFICIENT_RIGHTS("4703",
            "The security policy of country A does not allow the requested operation to be performed by the HP");

    private final String code;
    private final String description;

    EhdsiError(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}

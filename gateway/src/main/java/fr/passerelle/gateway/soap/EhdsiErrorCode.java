package fr.passerelle.gateway.soap;

/**
 * The eHDSI error-code catalogue as OpenNCP enumerates it: the business codes of the current eHDSI requirements
 * ({@code ERROR_PI_NO_MATCH}…) and the older MyHealth@EU numeric codes ({@code 4701}…) still sent for consent and
 * policy refusals. {@link #code()} is what goes on the wire (HL7v3 {@code acknowledgementDetail/code/@code},
 * ebRS {@code RegistryError/@errorCode}).
 */
public enum EhdsiErrorCode {

    ERROR_GENERIC("ERROR_GENERIC", "Internal error; retry later or contact the operator"),
    ERROR_GENERIC_DOCUMENT_MISSING("ERROR_GENERIC_DOCUMENT_MISSING", "The requested document was not found"),
    ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN("ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN", "Class code not supported"),

    ERROR_HPI_GENERIC("ERROR_HPI_GENERIC", "Health professional identification error"),
    ERROR_HPI_INSUFFICIENT_INFORMATION("ERROR_HPI_INSUFFICIENT_INFORMATION",
            "Information provided about the health professional is insufficient"),

    ERROR_PI_GENERIC("ERROR_PI_GENERIC", "Patient identification error"),
    ERROR_PI_NO_MATCH("ERROR_PI_NO_MATCH", "No existing patient matches the identification provided"),
    ERROR_PI_MULTIPLE_MATCHES("ERROR_PI_MULTIPLE_MATCHES",
            "The identification provided matches several patients instead of one"),

    ERROR_PS_GENERIC("ERROR_PS_GENERIC", "Patient Summary error"),
    ERROR_PS_PDF_FORMAT_NOT_PROVIDED("ERROR_PS_PDF_FORMAT_NOT_PROVIDED", "No PDF is provided"),
    ERROR_EP_GENERIC("ERROR_EP_GENERIC", "ePrescription error"),
    ERROR_EP_PDF_FORMAT_NOT_PROVIDED("ERROR_EP_PDF_FORMAT_NOT_PROVIDED", "No PDF is provided"),

    ERROR_ED_GENERIC("ERROR_ED_GENERIC", "Dispensation error"),
    ERROR_ED_NOT_DISPENSABLE_EPRESCRIPTION("ERROR_ED_NOT_DISPENSABLE_EPRESCRIPTION",
            "The ePrescription is not dispensable"),
    ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE("ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE",
            "The ePrescription or the medicinal product cannot be identified"),
    ERROR_ED_EDISPENSATION_NOT_STORED("ERROR_ED_EDISPENSATION_NOT_STORED",
            "The dispensation could not be stored by the country of affiliation"),
    ERROR_ED_DISCARD_FAILED("ERROR_ED_DISCARD_FAILED", "The dispensation discard could not be performed"),

    ERROR_SEC_GENERIC("ERROR_SEC_GENERIC", "Security error"),
    ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED("ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED",
            "The integrity of the exchanged data cannot be ensured (assertions insufficient or invalid)"),

    ERROR_NOT_VALID_ASSERTION("1001", "Assertion is not valid"),
    ERROR_NOT_VALID_TRC_ASSERTION("1002", "The TRC assertion does not validate against the identity assertion"),
    ERROR_DOCUMENT_NOT_FOUND("1100", "No documents are registered for the patient"),
    ERROR_EP_NOT_FOUND("1101", "No ePrescription is registered for the patient"),
    ERROR_PS_NOT_FOUND("1102", "No Patient Summary is registered for the patient"),
    ERROR_EP_ALREADY_DISPENSED("4106", "The ePrescription has already been dispensed"),
    ERROR_UNKNOWN_SIGNIFIER("4202", "Class code not supported"),
    ERROR_TRANSCODING_ERROR("4203", "The requested encoding cannot be provided because of a transcoding error"),
    ERROR_UNKNOWN_PATIENT_IDENTIFIER("4206",
            "The patient identifier in the query differs from the one in the TRC assertion"),
    ERROR_NO_CONSENT("4701", "The patient has not given consent to the requested service"),
    ERROR_WEAK_AUTHENTICATION("4702", "A higher authentication trust level is required"),
    ERROR_INSUFFICIENT_RIGHTS("4703",
            "The security policy or the patient's privacy policy does not allow this operation for this professional"),
    ERROR_POLICY_VIOLATION("4705", "Policy violation");

    private final String code;
    private final String description;

    EhdsiErrorCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The catalogue entry sent on the wire as {@code code}, if any. */
    public static java.util.Optional<EhdsiErrorCode> ofWire(String code) {
        return java.util.Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    /** The value sent on the wire. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}

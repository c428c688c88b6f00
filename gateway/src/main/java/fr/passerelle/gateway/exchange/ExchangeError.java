package fr.passerelle.gateway.exchange;

/**
 * The eHDSI error codes a use case can answer with (wire values as OpenNCP sends them), each with the kind of
 * failure it is so that a road can choose its own status (FHIR 403/404/422, SOAP queryResponseCode…).
 */
public enum ExchangeError {
    NO_CONSENT("4701", Kind.FORBIDDEN, "The patient has not given consent to the requested service"),
    INSUFFICIENT_RIGHTS("4703", Kind.FORBIDDEN,
            "The security policy or the patient's privacy policy does not allow this operation for this professional"),
    POLICY_VIOLATION("4705", Kind.FORBIDDEN, "Policy violation"),
    UNKNOWN_PATIENT_IDENTIFIER("4206", Kind.FORBIDDEN,
            "The patient identifier in the query differs from the one in the TRC assertion"),
    PATIENT_NO_MATCH("ERROR_PI_NO_MATCH", Kind.NOT_FOUND, "No existing patient matches the identification provided"),
    PATIENT_MULTIPLE_MATCHES("ERROR_PI_MULTIPLE_MATCHES", Kind.UNPROCESSABLE,
            "The identification provided matches several patients instead of one"),
    DOCUMENT_NOT_FOUND("ERROR_GENERIC_DOCUMENT_MISSING", Kind.NOT_FOUND, "The requested document was not found"),
    PS_NOT_FOUND("1102", Kind.NOT_FOUND, "No Patient Summary is registered for the patient"),
    EP_NOT_FOUND("1101", Kind.NOT_FOUND, "No ePrescription is registered for the patient"),
    PDF_NOT_PROVIDED("ERROR_PS_PDF_FORMAT_NOT_PROVIDED", Kind.NOT_FOUND, "No PDF is provided"),
    TRANSCODING_ERROR("4203", Kind.UNPROCESSABLE,
            "The requested encoding cannot be provided because of a transcoding error"),
    EP_ALREADY_DISPENSED("4106", Kind.UNPROCESSABLE, "The ePrescription has already been dispensed"),
    EP_NOT_IDENTIFIABLE("ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE", Kind.UNPROCESSABLE,
            "The ePrescription or the medicinal product cannot be identified"),
    DISPENSATION_CONFLICT("ERROR_ED_GENERIC", Kind.UNPROCESSABLE,
            "The dispensation conflicts with one already recorded under the same identifier"),
    HEALTH_SPACE_UNAVAILABLE("ERROR_GENERIC", Kind.UNAVAILABLE,
            "The French health space did not answer; the request may be retried later");

    /** What sort of failure, independent of the protocol. */
    public enum Kind { FORBIDDEN, NOT_FOUND, UNPROCESSABLE, UNAVAILABLE }

    private final String code;
    private final Kind kind;
    private final String description;

    ExchangeError(String code, Kind kind, String description) {
        this.code = code;
        this.kind = kind;
        this.description = description;
    }

    /** The value sent on the wire. */
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** The error for a refusal of the access policy. */
    static ExchangeError of(fr.passerelle.gateway.access.EhdsiErrorCode policyError) {
        return switch (policyError) {
            case NO_CONSENT -> NO_CONSENT;
            case INSUFFICIENT_RIGHTS -> INSUFFICIENT_RIGHTS;
            case POLICY_VIOLATION -> POLICY_VIOLATION;
        };
    }
}

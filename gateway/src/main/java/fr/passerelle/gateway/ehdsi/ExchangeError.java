package fr.passerelle.gateway.ehdsi;

import fr.passerelle.trust.EhdsiError;
import java.util.Arrays;
import java.util.Optional;

/**
 * The gateway's one eHDSI error-code catalogue: every code a road (SOAP XCPD/XCA/XDR, FHIR) answers a foreign NCP
 * with, each with the wire value OpenNCP sends ({@code OpenNCPErrorCode}: the current eHDSI business codes such as
 * {@code ERROR_PI_NO_MATCH} and the older MyHealth@EU numeric codes such as {@code 4701} still used for consent and
 * policy refusals), a default text, and the kind of failure it is so that a road can choose its own shape (FHIR
 * 403/404/422/503, HL7v3 {@code acknowledgementDetail}, ebRS {@code RegistryError}). The access policy and the
 * {@code trust} module's refusals are mapped onto it here and nowhere else.
 */
public enum ExchangeError {

    ERROR_GENERIC("ERROR_GENERIC", Kind.UNAVAILABLE,
            "Internal error at the French NCP; the request may be retried later"),
    ERROR_GENERIC_DOCUMENT_MISSING("ERROR_GENERIC_DOCUMENT_MISSING", Kind.NOT_FOUND,
            "The requested document was not found"),
    ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN("ERROR_GENERIC_SERVICE_SIGNIFIER_UNKNOWN", Kind.UNPROCESSABLE,
            "Class code not supported"),

    ERROR_HPI_AUTHENTICATION_NOT_RECEIVED("ERROR_HPI_AUTHENTICATION_NOT_RECEIVED", Kind.UNAUTHENTICATED,
            "HP authentication method has not been received by the Country of Affiliation"),
    ERROR_HPI_INSUFFICIENT_INFORMATION("ERROR_HPI_INSUFFICIENT_INFORMATION", Kind.UNAUTHENTICATED,
            "Information provided about the HP is insufficient"),
    ERROR_SEC_GENERIC("ERROR_SEC_GENERIC", Kind.UNAUTHENTICATED, "Security error"),
    ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED("ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED", Kind.UNAUTHENTICATED,
            "The integrity of the exchanged data cannot be ensured (assertions insufficient or invalid)"),
    ERROR_NOT_VALID_TRC_ASSERTION("1002", Kind.FORBIDDEN,
            "The TRC assertion does not validate against the identity assertion"),

    ERROR_PI_GENERIC("ERROR_PI_GENERIC", Kind.UNAVAILABLE, "Patient identification could not be performed"),
    ERROR_PI_NO_MATCH("ERROR_PI_NO_MATCH", Kind.NOT_FOUND,
            "No existing patient matches the identification provided"),
    ERROR_PI_MULTIPLE_MATCHES("ERROR_PI_MULTIPLE_MATCHES", Kind.UNPROCESSABLE,
            "The identification provided matches several patients instead of one"),
    ERROR_UNKNOWN_PATIENT_IDENTIFIER("4206", Kind.FORBIDDEN,
            "The patient identifier in the query differs from the one in the TRC assertion"),

    ERROR_NO_CONSENT("4701", Kind.FORBIDDEN, "The patient has not given consent to the requested service"),
    ERROR_INSUFFICIENT_RIGHTS("4703", Kind.FORBIDDEN,
            "The security policy or the patient's privacy policy does not allow this operation for this professional"),

    ERROR_EP_NOT_FOUND("1101", Kind.NOT_FOUND, "No ePrescription is registered for the patient"),
    ERROR_PS_NOT_FOUND("1102", Kind.NOT_FOUND, "No Patient Summary is registered for the patient"),
    ERROR_PS_GENERIC("ERROR_PS_GENERIC", Kind.UNAVAILABLE, "The Patient Summary could not be provided"),
    ERROR_EP_REGISTRY_NOT_ACCESSIBLE("4103", Kind.UNAVAILABLE, "The ePrescription registry could not be accessed"),
    ERROR_PS_PDF_FORMAT_NOT_PROVIDED("ERROR_PS_PDF_FORMAT_NOT_PROVIDED", Kind.NOT_FOUND,
            "No PDF is provided"),
    ERROR_TRANSCODING_ERROR("4203", Kind.UNPROCESSABLE,
            "The requested encoding cannot be provided because of a transcoding error"),

    ERROR_ED_GENERIC("ERROR_ED_GENERIC", Kind.UNPROCESSABLE, "Dispensation error"),
    ERROR_EP_ALREADY_DISPENSED("4106", Kind.UNPROCESSABLE, "The ePrescription has already been dispensed"),
    ERROR_ED_SUBSTITUTION_INFORMATION_NOT_ALLOWED("ERROR_ED_SUBSTITUTION_INFORMATION_NOT_ALLOWED",
            Kind.UNPROCESSABLE, "A substitution was dispensed where the prescription does not allow it"),
    ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE("ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE", Kind.UNPROCESSABLE,
            "The ePrescription or the medicinal product cannot be identified"),
    ERROR_ED_DISCARD_FAILED("ERROR_ED_DISCARD_FAILED", Kind.UNPROCESSABLE,
            "The dispensation discard could not be performed in the Country of Affiliation"),

    // IHE ITI error codes (ITI TF-3 Table 4.2.4.1-2), sent where IHE names the protocol mistake and eHDSI has no code
    // of its own: on the SOAP roads only, as ebRS RegistryError.
    XDS_MISSING_HOME_COMMUNITY_ID("XDSMissingHomeCommunityId", Kind.UNPROCESSABLE,
            "A value for the homeCommunityId is required and has not been specified"),
    XDS_UNKNOWN_COMMUNITY("XDSUnknownCommunity", Kind.NOT_FOUND,
            "A value for the homeCommunityId is not recognized"),
    XDS_UNKNOWN_REPOSITORY_ID("XDSUnknownRepositoryId", Kind.NOT_FOUND,
            "The repositoryUniqueId value could not be resolved to a valid document repository"),
    XDS_REGISTRY_METADATA_ERROR("XDSRegistryMetadataError", Kind.UNPROCESSABLE,
            "The request does not conform to the transaction's schema");

    /**
     * What sort of failure, independent of the protocol: {@code UNAUTHENTICATED} when the requester's credentials are
     * missing or not believed (FHIR 401), {@code FORBIDDEN} when a believed requester may not do this (FHIR 403).
     */
    public enum Kind { UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, UNPROCESSABLE, UNAVAILABLE }

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

    /** The default text, sent when a refusal has no more specific reason. */
    public String description() {
        return description;
    }

    /** The catalogue entry sent on the wire as {@code code}, if any. */
    public static Optional<ExchangeError> ofCode(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }

    /**
     * The catalogue entry for a refusal produced by {@code trust} (which cannot depend on the gateway and keeps its
     * own enum of the refusals it makes).
     */
    public static ExchangeError of(EhdsiError trustError) {
        return switch (trustError) {
            case ERROR_HPI_AUTHENTICATION_NOT_RECEIVED -> ERROR_HPI_AUTHENTICATION_NOT_RECEIVED;
            case ERROR_HPI_INSUFFICIENT_INFORMATION -> ERROR_HPI_INSUFFICIENT_INFORMATION;
            case ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED -> ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED;
            case ERROR_SEC_GENERIC -> ERROR_SEC_GENERIC;
            case ERROR_NOT_VALID_TRC_ASSERTION -> ERROR_NOT_VALID_TRC_ASSERTION;
            case ERROR_UNKNOWN_PATIENT_IDENTIFIER -> ERROR_UNKNOWN_PATIENT_IDENTIFIER;
            case ERROR_INSUFFICIENT_RIGHTS -> ERROR_INSUFFICIENT_RIGHTS;
        };
    }
}

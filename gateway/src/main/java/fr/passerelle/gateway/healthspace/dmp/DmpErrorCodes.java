package fr.passerelle.gateway.healthspace.dmp;

import jakarta.xml.soap.SOAPFault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the error codes the DMP answers with are given their meaning, by exact code, never by keyword.
 * <ul>
 * <li>{@code RegistryError/@errorCode} of ITI-18, ITI-41 and ITI-43 answers: the XDS.b error codes of IHE ITI TF-3
 * Table 4.2.4.1-2 (the DMP is an XDS.b registry/repository and answers with them).</li>
 * <li>SOAP faults: a WS-Security fault (OASIS WSS 1.1 SOAP Message Security, §12: {@code wsse:FailedAuthentication},
 * {@code wsse:InvalidSecurityToken}…) is how an XUA/VIHF service refuses the token, i.e. refuses the access; any
 * other fault says the DMP failed.</li>
 * </ul>
 * The DMP's own codes beyond these (its integration guide, distributed to accredited vendors only, was not
 * available to this project) are unknown here: such a code is a generic registry failure, logged with the code so
 * an operator can add it to {@link #XDS_CODES} once the national agreement supplies the list.
 */
final class DmpErrorCodes {

    private static final Logger LOG = LoggerFactory.getLogger(DmpErrorCodes.class);

    /** What an XDS error code means for Passerelle. */
    enum Meaning {
        /** The registry knows no such patient: for a query, an empty result rather than a failure. */
        UNKNOWN_PATIENT(DmpFailure.Kind.REGISTRY_ERROR),
        /** The submitted unique id is already registered: a resubmission, the first one stands. */
        ALREADY_REGISTERED(DmpFailure.Kind.REGISTRY_ERROR),
        /** The registry or repository is unavailable, busy or out of resources: the DMP is unwell right now. */
        UNAVAILABLE(DmpFailure.Kind.REGISTRY_UNAVAILABLE),
        /** The document (or its metadata) is not there, or not retrievable under that id. */
        DOCUMENT_MISSING(DmpFailure.Kind.DOCUMENT_MISSING),
        /** The stored bytes do not match the registered hash or size. */
        INTEGRITY(DmpFailure.Kind.INTEGRITY),
        /** The DMP rejected Passerelle's request as wrong (metadata, query parameters): our defect, not its. */
        REQUEST_REJECTED(DmpFailure.Kind.REQUEST_REJECTED),
        /** The registry or repository failed without a more precise code. */
        INTERNAL_ERROR(DmpFailure.Kind.REGISTRY_ERROR),
        /** A code this table does not know. */
        UNKNOWN(DmpFailure.Kind.REGISTRY_ERROR);

        private final DmpFailure.Kind kind;

        Meaning(DmpFailure.Kind kind) {
            this.kind = kind;
        }

        DmpFailure.Kind kind() {
            return kind;
        }
    }

    /**
     * IHE ITI TF-3 Table 4.2.4.1-2 (Error Codes, including the XCA community codes) and the XDS Metadata Update
     * supplement's codes: the codes the DMP's XDS.b transactions can answer.
     */
    static final Map<String, Meaning> XDS_CODES = Map.ofEntries(
            Map.entry("XDSUnknownPatientId", Meaning.UNKNOWN_PATIENT),
            Map.entry("XDSDuplicateUniqueIdInRegistry", Meaning.ALREADY_REGISTERED),
            Map.entry("XDSRegistryNotAvailable", Meaning.UNAVAILABLE),
            Map.entry("XDSRegistryBusy", Meaning.UNAVAILABLE),
            Map.entry("XDSRepositoryBusy", Meaning.UNAVAILABLE),
            Map.entry("XDSRegistryOutOfResources", Meaning.UNAVAILABLE),
            Map.entry("XDSRepositoryOutOfResources", Meaning.UNAVAILABLE),
            Map.entry("XDSUnavailableCommunity", Meaning.UNAVAILABLE),
            Map.entry("XDSMissingDocument", Meaning.DOCUMENT_MISSING),
            Map.entry("XDSMissingDocumentMetadata", Meaning.DOCUMENT_MISSING),
            Map.entry("XDSDocumentUniqueIdError", Meaning.DOCUMENT_MISSING),
            Map.entry("XDSRegistryDeprecatedDocumentError", Meaning.DOCUMENT_MISSING),
            Map.entry("XDSNonIdenticalHash", Meaning.INTEGRITY),
            Map.entry("XDSNonIdenticalSize", Meaning.INTEGRITY),
            Map.entry("XDSRegistryDuplicateUniqueIdInMessage", Meaning.REQUEST_REJECTED),
            Map.entry("XDSRepositoryDuplicateUniqueIdInMessage", Meaning.REQUEST_REJECTED),
            Map.entry("XDSRegistryMetadataError", Meaning.REQUEST_REJECTED),
            Map.entry("XDSRepositoryMetadataError", Meaning.REQUEST_REJECTED),
            Map.entry("XDSPatientIdDoesNotMatch", Meaning.REQUEST_REJECTED),
            Map.entry("XDSResultNotSinglePatient", Meaning.REQUEST_REJECTED),
            Map.entry("XDSTooManyResults", Meaning.REQUEST_REJECTED),
            Map.entry("XDSExtraMetadataNotSaved", Meaning.REQUEST_REJECTED),
            Map.entry("XDSUnknownStoredQuery", Meaning.REQUEST_REJECTED),
            Map.entry("XDSStoredQueryMissingParam", Meaning.REQUEST_REJECTED),
            Map.entry("XDSStoredQueryParamNumber", Meaning.REQUEST_REJECTED),
            Map.entry("XDSUnknownRepositoryId", Meaning.REQUEST_REJECTED),
            Map.entry("XDSUnknownCommunity", Meaning.REQUEST_REJECTED),
            Map.entry("XDSMissingHomeCommunityId", Meaning.REQUEST_REJECTED),
            Map.entry("XDSMetadataUpdateError", Meaning.REQUEST_REJECTED),
            Map.entry("XDSMetadataVersionError", Meaning.REQUEST_REJECTED),
            Map.entry("XDSMetadataUpdateOperationError", Meaning.REQUEST_REJECTED),
            Map.entry("XDSRegistryError", Meaning.INTERNAL_ERROR),
            Map.entry("XDSRepositoryError", Meaning.INTERNAL_ERROR));

    /** OASIS WSS 1.1 SOAP Message Security, §12 (Error Handling): the faults by which a token is refused. */
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final Set<String> WSSE_REFUSALS = Set.of("UnsupportedSecurityToken", "UnsupportedAlgorithm",
            "InvalidSecurity", "InvalidSecurityToken", "FailedAuthentication", "FailedCheck",
            "SecurityTokenUnavailable", "MessageExpired");

    /** A code is logged only when it looks like a code: anything else could be free text, even patient data. */
    private static final Pattern PRINTABLE_CODE = Pattern.compile("[A-Za-z0-9_.:\\-]{1,80}");

    /**
     * Order of precedence when an answer carries several codes: the one that says the most about what to do
     * (a DMP outage before a request defect before a missing document…).
     */
    private static final List<Meaning> PRECEDENCE = List.of(Meaning.UNAVAILABLE, Meaning.INTEGRITY,
            Meaning.REQUEST_REJECTED, Meaning.DOCUMENT_MISSING, Meaning.UNKNOWN_PATIENT, Meaning.ALREADY_REGISTERED,
            Meaning.INTERNAL_ERROR, Meaning.UNKNOWN);

    private DmpErrorCodes() {
    }

    static Meaning meaning(String xdsErrorCode) {
        return XDS_CODES.getOrDefault(xdsErrorCode, Meaning.UNKNOWN);
    }

    /**
     * The failure a Failure/PartialSuccess answer with these codes means. Unknown codes are logged (code only).
     */
    static DmpFailure failure(DmpOperation operation, String status, List<String> codes) {
        Meaning worst = codes.stream().map(DmpErrorCodes::meaning).min(Comparator.comparingInt(PRECEDENCE::indexOf))
                .orElse(Meaning.UNKNOWN);
        List<String> unknown = codes.stream().filter(code -> meaning(code) == Meaning.UNKNOWN)
                .map(DmpErrorCodes::printable).toList();
        if (!unknown.isEmpty()) {
            LOG.warn("DMP {} answered error codes unknown to Passerelle: {} (treated as a registry failure)",
                    operation.tag(), unknown);
        }
        List<String> shown = codes.stream().map(DmpErrorCodes::printable).toList();
        return new DmpFailure(worst.kind(), operation,
                "registry answered " + status.substring(status.lastIndexOf(':') + 1) + " " + shown);
    }

    /** Whether a SOAP fault is the DMP refusing the VIHF (WS-Security fault code or subcode). */
    static boolean refusesToken(SOAPFault fault) {
        // SOAP 1.1 faults (no subcodes) carry the WS-Security code as the fault code itself.
        return fault != null && (isWsseRefusal(fault.getFaultCodeAsQName())
                || subcodes(fault).stream().anyMatch(DmpErrorCodes::isWsseRefusal));
    }

    /** A SOAP 1.2 fault's subcodes; none for a SOAP 1.1 fault, which has no subcodes. */
    static List<QName> subcodes(SOAPFault fault) {
        List<QName> subcodes = new ArrayList<>();
        try {
            fault.getFaultSubcodes().forEachRemaining(subcodes::add);
        } catch (UnsupportedOperationException notSoap12) {
            // SOAP 1.1: the fault code alone.
        }
        return subcodes;
    }

    private static boolean isWsseRefusal(QName code) {
        return code != null && WSSE.equals(code.getNamespaceURI()) && WSSE_REFUSALS.contains(code.getLocalPart());
    }

    private static String printable(String code) {
        return code != null && PRINTABLE_CODE.matcher(code).matches() ? code : "<unprintable code>";
    }
}

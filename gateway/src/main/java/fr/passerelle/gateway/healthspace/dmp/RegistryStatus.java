package fr.passerelle.gateway.healthspace.dmp;

import static fr.passerelle.gateway.healthspace.dmp.XdsVocabulary.RS;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The outcome an XDS answer states ({@code status} and {@code RegistryErrorList}), read from an AdhocQueryResponse,
 * RegistryResponse or RetrieveDocumentSetResponse.
 *
 * @param errorCodes the error codes of Error-severity entries, in order
 */
record RegistryStatus(String status, List<String> errorCodes) {

    /** Error codes by which the DMP refuses an access (VIHF, authorisation, the patient's opposition). */
    private static final Pattern ACCESS_REFUSAL = Pattern.compile(
            ".*(access|acces|denied|refus|authori[sz]|autoris|vihf|opposition|bris).*");
    static final String UNKNOWN_PATIENT = "XDSUnknownPatientId";
    static final String DUPLICATE_UNIQUE_ID = "XDSDuplicateUniqueIdInRegistry";

    static RegistryStatus of(Element answer, DmpOperation operation) {
        String status = XmlTree.attribute(answer, "status");
        Element holder = answer;
        if (status == null) {
            // RetrieveDocumentSetResponse nests its RegistryResponse.
            holder = XmlTree.child(answer, RS, "RegistryResponse").orElseThrow(() -> new DmpFailure(
                    DmpFailure.Kind.MALFORMED_RESPONSE, operation, "answer has no status"));
            status = XmlTree.attribute(holder, "status");
            if (status == null) {
                throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation, "answer has no status");
            }
        }
        List<String> errors = XmlTree.descendants(holder, RS, "RegistryError").stream()
                .filter(e -> !"urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Warning"
                        .equals(XmlTree.attribute(e, "severity")))
                .map(e -> String.valueOf(XmlTree.attribute(e, "errorCode"))).toList();
        return new RegistryStatus(status, errors);
    }

    boolean success() {
        return XdsVocabulary.SUCCESS.equals(status) || XdsVocabulary.PARTIAL_SUCCESS.equals(status)
                && errorCodes.isEmpty();
    }

    boolean has(String errorCode) {
        return errorCodes.contains(errorCode);
    }

    /** Throws the failure this status means, unless it is a success. */
    void requireSuccess(DmpOperation operation) {
        if (success()) {
            return;
        }
        boolean refused = errorCodes.stream()
                .anyMatch(code -> ACCESS_REFUSAL.matcher(code.toLowerCase(Locale.ROOT)).matches());
        throw new DmpFailure(refused ? DmpFailure.Kind.ACCESS_REFUSED : DmpFailure.Kind.REGISTRY_ERROR, operation,
                "registry answered " + status.substring(status.lastIndexOf(':') + 1) + " " + errorCodes);
    }
}

package fr.passerelle.gateway.healthspace.dmp;

import static fr.passerelle.gateway.ihe.XdsVocabulary.RS;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The outcome an XDS answer states ({@code status} and {@code RegistryErrorList}), read from an AdhocQueryResponse,
 * RegistryResponse or RetrieveDocumentSetResponse. (The status Passerelle itself writes on XCA and XDR is
 * {@code soap.RegistryStatus}: a different job, naming the ebRS status URNs.)
 *
 * @param errorCodes the error codes of Error-severity entries, in order
 */
record XdsAnswerStatus(String status, List<String> errorCodes) {

    static XdsAnswerStatus of(Element answer, DmpOperation operation) {
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
        return new XdsAnswerStatus(status, errors);
    }

    boolean success() {
        return XdsVocabulary.SUCCESS.equals(status) || XdsVocabulary.PARTIAL_SUCCESS.equals(status)
                && errorCodes.isEmpty();
    }

    /** Whether one of the answer's error codes has this meaning ({@link DmpErrorCodes}). */
    boolean has(DmpErrorCodes.Meaning meaning) {
        return errorCodes.stream().anyMatch(code -> DmpErrorCodes.meaning(code) == meaning);
    }

    /** Throws the failure this status means, unless it is a success. */
    void requireSuccess(DmpOperation operation) {
        if (success()) {
            return;
        }
        throw DmpErrorCodes.failure(operation, status, errorCodes);
    }
}

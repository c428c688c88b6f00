package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.ihe.ebxml.rs.RegistryError;
import fr.passerelle.gateway.ihe.ebxml.rs.RegistryResponseType;
import java.util.List;

/**
 * The outcome an XDS answer states ({@code status} and {@code RegistryErrorList}), read from an AdhocQueryResponse,
 * RegistryResponse or RetrieveDocumentSetResponse as the generated protocol model. (The status Passerelle itself
 * writes on XCA and XDR is {@code soap.RegistryStatus}: a different job, naming the ebRS status URNs.)
 *
 * @param errorCodes the error codes of Error-severity entries, in order
 */
record XdsAnswerStatus(String status, List<String> errorCodes) {

    /**
     * @param answer the answer's RegistryResponse (an AdhocQueryResponse is one), null when it has none
     */
    static XdsAnswerStatus of(RegistryResponseType answer, DmpOperation operation) {
        if (answer == null || answer.getStatus() == null || answer.getStatus().isEmpty()) {
            throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation, "answer has no status");
        }
        List<String> errors = answer.getRegistryErrorList() == null ? List.of()
                : answer.getRegistryErrorList().getRegistryError().stream()
                        .filter(e -> !"urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Warning".equals(e.getSeverity()))
                        .map(RegistryError::getErrorCode).map(String::valueOf).toList();
        return new XdsAnswerStatus(answer.getStatus(), errors);
    }

    /** The status of an answer that is a RegistryResponse (ITI-41, ITI-57). */
    static XdsAnswerStatus of(DmpAnswer answer, DmpOperation operation) {
        return of(XdsModel.read(answer, RegistryResponseType.class, operation), operation);
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

package fr.passerelle.gateway.audit;

import fr.passerelle.gateway.access.AccessDecision;
import fr.passerelle.gateway.access.AccessRequest;
import java.util.List;
import java.util.Objects;

/**
 * What a road tells the audit trail about one transaction.
 *
 * @param decidingRule   the access rule that decided, by name
 * @param errorCode      the error code reported to the requester (eHDSI code), empty on success
 * @param documentIds    the documents returned (XDS unique ids), empty when none
 * @param correlationId  the request's correlation id (SOAP MessageID or the X-Correlation-Id)
 * @param assertionIds   ids of the HCP/TRC assertions the request carried
 */
public record AuditEntry(AccessRequest request, AuditOutcome outcome, String decidingRule, String errorCode,
                         List<String> documentIds, String correlationId, List<String> assertionIds) {

    public AuditEntry {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(outcome, "outcome");
        decidingRule = Objects.requireNonNullElse(decidingRule, "");
        errorCode = Objects.requireNonNullElse(errorCode, "");
        documentIds = List.copyOf(Objects.requireNonNullElse(documentIds, List.of()));
        correlationId = Objects.requireNonNullElse(correlationId, "");
        assertionIds = List.copyOf(Objects.requireNonNullElse(assertionIds, List.of()));
    }

    /** The usual entry: the policy's decision, and what was returned when it granted. */
    public static AuditEntry of(AccessRequest request, AccessDecision decision, List<String> documentIds,
                                String correlationId, List<String> assertionIds) {
        if (decision instanceof AccessDecision.Refused refused) {
            return new AuditEntry(request, AuditOutcome.REFUSED, refused.rule().name(), refused.error().code(),
                    List.of(), correlationId, assertionIds);
        }
        return new AuditEntry(request, AuditOutcome.SUCCESS, decision.rule().name(), "", documentIds,
                correlationId, assertionIds);
    }

    /** Granted, but the answer failed for another reason (reported to the requester with {@code errorCode}). */
    public static AuditEntry failed(AccessRequest request, AccessDecision.Granted decision, String errorCode,
                                    String correlationId, List<String> assertionIds) {
        return new AuditEntry(request, AuditOutcome.FAILED, decision.rule().name(), errorCode, List.of(),
                correlationId, assertionIds);
    }
}

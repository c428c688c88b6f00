package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.audit.AuditEntry;
import fr.passerelle.gateway.audit.AuditTrail;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records the SOAP requests answered with a fault in the audit trail, without a patient and without a requester:
 * refused ones (envelope, addressing, size, trust, malformed body — nothing of such a request was believed, so only
 * what the gateway decided is kept: the reason, the eHDSI code the fault carried and the request's MessageID) and
 * failed ones (a Receiver fault: our own failure, recorded {@code FAILED} so that no answered request is missing from
 * the trail).
 */
@Component
public class RefusalAudit {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalAudit.class);

    private final AuditTrail audit;

    public RefusalAudit(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * @param inbound    the refused request (its headers may be absent when the envelope was unreadable)
     * @param operations the endpoint's operations: when the request's Action cannot be read, the record names the
     *                   endpoint's first one (XCA's query for the XCA endpoint)
     */
    void refused(Message inbound, Set<EhdsiOperation> operations, EnvelopeFault fault) {
        CrossBorderTransaction transaction = transactionOf(inbound, operations);
        String correlationId = inbound == null ? "" : SoapExchange.messageIdOf(inbound).orElse("");
        record(fault.code() == EnvelopeFault.Code.RECEIVER
                ? AuditEntry.failedUnattributed(transaction, fault.rule(), fault.errorCode(), correlationId)
                : AuditEntry.unattributed(transaction, fault.rule(), fault.errorCode(), correlationId), fault.rule());
    }

    /**
     * A request whose assertions trust believed but whose requester may not make it (trust's permission checks),
     * answered with a business refusal: recorded like a fault, without patient nor requester — trust hands back no
     * requester with a refusal — under the transaction called, the trust rule and the eHDSI code sent.
     */
    void declined(fr.passerelle.trust.Transaction transaction, String rule, String errorCode, String correlationId) {
        record(AuditEntry.unattributed(fr.passerelle.gateway.ratelimit.RateLimitGate.transactionOf(transaction), rule, errorCode, correlationId), rule);
    }

    /** A request whose body was refused before the assertions were judged (schema validation). */
    void refusedBody(CrossBorderTransaction transaction, String rule, String errorCode, String correlationId) {
        record(AuditEntry.unattributed(transaction, rule, errorCode, correlationId), rule);
    }

    /** A request refused before CXF read it (its size): named by its endpoint's transaction, without a MessageID. */
    void refusedUnread(CrossBorderTransaction transaction, String rule) {
        record(AuditEntry.unattributed(transaction, rule, "", ""), rule);
    }

    private static CrossBorderTransaction transactionOf(Message inbound, Set<EhdsiOperation> operations) {
        return Optional.ofNullable(inbound)
                .flatMap(message -> SoapExchange.operationOf(message, operations))
                .or(() -> operations.stream().min(Comparator.naturalOrder()))
                .map(EhdsiOperation::transaction).orElseThrow();
    }

    private void record(AuditEntry entry, String rule) {
        try {
            audit.record(entry);
        } catch (RuntimeException e) {
            // The fault is still answered; the trail could not take it (its own failure is reported there).
            LOG.warn("SOAP fault ({}) not audited: {}", rule, e.getClass().getSimpleName());
        }
    }
}

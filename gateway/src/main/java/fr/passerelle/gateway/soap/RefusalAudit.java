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
 * Records the SOAP requests refused with a fault (envelope, addressing, size, trust, malformed body) in the audit
 * trail, without a patient and without a requester: nothing of such a request was believed, so only what the gateway
 * decided is kept — the reason, the eHDSI code the fault carried and the request's MessageID.
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
        CrossBorderTransaction transaction = Optional.ofNullable(inbound)
                .flatMap(message -> SoapExchange.operationOf(message, operations))
                .or(() -> operations.stream().min(Comparator.naturalOrder()))
                .map(EhdsiOperation::transaction).orElseThrow();
        String correlationId = inbound == null ? "" : SoapExchange.messageIdOf(inbound).orElse("");
        try {
            audit.record(AuditEntry.unattributed(transaction, fault.rule(), fault.errorCode(), correlationId));
        } catch (RuntimeException e) {
            // The refusal is still answered; the trail could not take it (its own failure is reported there).
            LOG.warn("Refused SOAP request ({}) not audited: {}", fault.rule(), e.getClass().getSimpleName());
        }
    }
}

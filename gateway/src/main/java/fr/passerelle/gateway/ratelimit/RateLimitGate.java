package fr.passerelle.gateway.ratelimit;

import fr.passerelle.gateway.access.AccessRequest;
import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.audit.AuditEntry;
import fr.passerelle.gateway.audit.AuditOutcome;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.exchange.CrossBorderCall;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.hl7.Cx;
import fr.passerelle.trust.Transaction;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one step both roads take between trust and the business: count the believed request against its country's
 * quota and, when it is over, answer a {@link Throttled} the road turns into its own refusal shape. A throttled
 * request about a patient named by its TRC assertion is written to the audit trail like any other refusal (rule
 * {@value #RULE}, code {@code ERROR_GENERIC}), so the patient sees the attempt; one without a patient (XCPD, a FHIR
 * patient search) is recorded without a patient (operators see it, no patient's history does). Every throttled
 * request is also counted in the metric {@code passerelle.ratelimit.refused} and logged (country and key only).
 */
public class RateLimitGate {

    /** The deciding rule recorded in the audit trail for a throttled request. */
    public static final String RULE = "RATE_LIMIT";

    /**
     * The eHDSI code a throttled request is answered with. The eHDSI catalogue has no rate-limit code;
     * ERROR_GENERIC ("retry later") is the one whose meaning fits and that every NCP-B portal handles.
     */
    public static final String ERROR_CODE = "ERROR_GENERIC";

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitGate.class);

    /** Let through, or over the quota. */
    public sealed interface Admission {
    }

    public record Admitted() implements Admission {
    }

    /**
     * Over the quota.
     *
     * @param reason the text for the requester: which quota, and when to retry
     */
    public record Throttled(RateDecision.Exceeded exceeded, String reason) implements Admission {
    }

    private final RateLimiter limiter;
    private final AuditTrail audit;
    private final MeterRegistry metrics;

    public RateLimitGate(RateLimiter limiter, AuditTrail audit, MeterRegistry metrics) {
        this.limiter = limiter;
        this.audit = audit;
        this.metrics = metrics;
    }

    public Admission admit(CrossBorderCall call, Transaction transaction) {
        String country = call.requester().country();
        RateDecision decision;
        try {
            decision = limiter.acquire(country, call.requestingNcp());
        } catch (RateLimitUnavailable unavailable) {
            LOG.warn("Rate limit not applied: {}", unavailable.getMessage());
            metrics.counter("passerelle.ratelimit.unavailable").increment();
            return new Admitted();
        }
        if (decision instanceof RateDecision.Exceeded exceeded) {
            metrics.counter("passerelle.ratelimit.refused", "country", country).increment();
            String reason = "Rate limit exceeded for " + exceeded.key() + ": " + exceeded.limit()
                    + " requests per " + exceeded.window() + "; retry after " + exceeded.retryAfterSeconds() + " s";
            LOG.warn("Request throttled: {} over {} per {}", exceeded.key(), exceeded.limit(), exceeded.window());
            audit(call, transaction);
            return new Throttled(exceeded, reason);
        }
        return new Admitted();
    }

    private void audit(CrossBorderCall call, Transaction transaction) {
        Optional<Ins> patient = call.requester().treatedPatientId().flatMap(RateLimitGate::ins);
        if (patient.isEmpty()) {
            // XCPD or a FHIR patient search: the requester is verified but names nobody yet.
            audit.record(AuditEntry.withoutPatient(transactionOf(transaction), call.asAccessRequester(),
                    call.purpose(), AuditOutcome.REFUSED, RULE, ERROR_CODE, call.correlationId(),
                    call.assertionIds()));
            return;
        }
        AccessRequest request = new AccessRequest(call.asAccessRequester(), call.purpose(), patient.get(), Set.of(),
                transactionOf(transaction));
        audit.record(new AuditEntry(request, AuditOutcome.REFUSED, RULE, ERROR_CODE,
                List.of(), call.correlationId(), call.assertionIds()));
    }

    /** The audit trail's name of a trust transaction. */
    public static CrossBorderTransaction transactionOf(Transaction transaction) {
        return switch (transaction) {
            case XCPD, FHIR_PATIENT_SEARCH -> CrossBorderTransaction.PATIENT_IDENTIFICATION;
            case XCA_QUERY -> CrossBorderTransaction.DOCUMENT_LIST;
            case XCA_RETRIEVE, FHIR_DOCUMENT -> CrossBorderTransaction.DOCUMENT_RETRIEVE;
            case XDR -> CrossBorderTransaction.DISPENSATION;
        };
    }

    /** The TRC patient, HL7 CX {@code id^^^&root&ISO} or {@code root^id}, when it is a French INS. */
    static Optional<Ins> ins(String identifier) {
        return Cx.read(identifier, Cx.Rules.LENIENT_OR_ROOT_CARET_ID).cx().flatMap(Ins::of);
    }
}

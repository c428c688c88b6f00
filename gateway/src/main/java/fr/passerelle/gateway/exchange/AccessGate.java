package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.access.AccessDecision;
import fr.passerelle.gateway.access.AccessPolicy;
import fr.passerelle.gateway.access.AccessRequest;
import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.audit.AuditEntry;
import fr.passerelle.gateway.audit.AuditOutcome;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The steps every use case takes once it knows the patient: the TRC assertion must be about this patient, then
 * the patient's controls and consent decide, and the outcome is written to the audit trail. A refusal is audited
 * here; the use case audits what it finally returned through {@link #granted} or {@link #failed}.
 */
@Component
public class AccessGate {

    /** The rule name recorded when the TRC assertion names another patient (trust's rule, not the policy's). */
    static final String TRC_PATIENT_RULE = "TRC_PATIENT_MISMATCH";

    private final NationalHealthSpace healthSpace;
    private final AccessPolicy policy;
    private final AuditTrail audit;

    public AccessGate(NationalHealthSpace healthSpace, AccessPolicy policy, AuditTrail audit) {
        this.healthSpace = healthSpace;
        this.policy = policy;
        this.audit = audit;
    }

    /** What the gate let through, or the audited refusal. */
    sealed interface Passage {
    }

    record Admitted(CrossBorderCall call, AccessRequest request, AccessDecision.Granted decision) implements Passage {
    }

    record Turned(ExchangeRefusal refusal) implements Passage {
    }

    Passage admit(CrossBorderCall call, Ins patient, Set<DocumentKind> kinds, CrossBorderTransaction transaction) {
        AccessRequest request = new AccessRequest(call.asAccessRequester(), call.purpose(), patient, kinds,
                transaction);
        if (!TreatedPatient.matches(call.requester(), patient)) {
            audit.record(new AuditEntry(request, AuditOutcome.REFUSED, TRC_PATIENT_RULE,
                    ExchangeError.ERROR_UNKNOWN_PATIENT_IDENTIFIER.code(), List.of(), call.correlationId(),
                    call.assertionIds()));
            return new Turned(new ExchangeRefusal(ExchangeError.ERROR_UNKNOWN_PATIENT_IDENTIFIER,
                    "the request is about another patient than the TRC assertion"));
        }
        AccessDecision decision = policy.decide(request, healthSpace.controls(patient));
        if (decision instanceof AccessDecision.Refused refused) {
            audit.record(AuditEntry.of(request, decision, List.of(), call.correlationId(), call.assertionIds()));
            return new Turned(new ExchangeRefusal(refused.error(), refused.rule().description()));
        }
        return new Admitted(call, request, (AccessDecision.Granted) decision);
    }

    /**
     * Records a request naming an INS the health space does not know, and returns the refusal to send. The TRC is
     * checked first, as for a known patient: a requester treating another patient is told 4206 and learns nothing
     * of whether this INS exists here. The record is filed under the INS the request named — never under the TRC's
     * patient, who is another (real) person and must not see it in their access history — like an XCPD search by
     * an INS that matches nobody ({@link PatientIdentification}).
     */
    ExchangeRefusal unknownPatient(CrossBorderCall call, Ins named, Set<DocumentKind> kinds,
                                   CrossBorderTransaction transaction) {
        AccessRequest request = new AccessRequest(call.asAccessRequester(), call.purpose(), named, kinds, transaction);
        if (!TreatedPatient.matches(call.requester(), named)) {
            audit.record(new AuditEntry(request, AuditOutcome.REFUSED, TRC_PATIENT_RULE,
                    ExchangeError.ERROR_UNKNOWN_PATIENT_IDENTIFIER.code(), List.of(), call.correlationId(),
                    call.assertionIds()));
            return new ExchangeRefusal(ExchangeError.ERROR_UNKNOWN_PATIENT_IDENTIFIER,
                    "the request is about another patient than the TRC assertion");
        }
        audit.record(new AuditEntry(request, AuditOutcome.REFUSED, PatientIdentification.NO_MATCH_RULE,
                ExchangeError.ERROR_PI_NO_MATCH.code(), List.of(), call.correlationId(), call.assertionIds()));
        return ExchangeRefusal.of(ExchangeError.ERROR_PI_NO_MATCH);
    }

    /** Records a granted answer and the documents it carried. */
    void granted(Admitted admitted, List<String> documentIds) {
        audit.record(AuditEntry.of(admitted.request(), admitted.decision(), documentIds,
                admitted.call().correlationId(), admitted.call().assertionIds()));
    }

    /**
     * Records a request the national health space failed (timeout, outage, open circuit: FAILED) or refused on its
     * own rules (REFUSED), with the failure's reason as deciding rule, and returns the refusal to send. The trail
     * files records by patient: without a patient (a search by traits, a read by id without TRC) the record has
     * none, like the other requests that identified nobody.
     */
    ExchangeRefusal unanswered(CrossBorderCall call, Optional<Ins> patient, Set<DocumentKind> kinds,
                               CrossBorderTransaction transaction, HealthSpaceUnavailableException failure) {
        return unanswered(call, patient, kinds, transaction, failure, ExchangeRefusal.of(failure));
    }

    /** The same, when the use case answers with a refusal of its own (a discard: ERROR_ED_DISCARD_FAILED). */
    ExchangeRefusal unanswered(CrossBorderCall call, Optional<Ins> patient, Set<DocumentKind> kinds,
                               CrossBorderTransaction transaction, HealthSpaceUnavailableException failure,
                               ExchangeRefusal refusal) {
        Optional<Ins> filedUnder = patient.or(() -> TreatedPatient.of(call.requester()));
        AuditOutcome outcome = failure.refusedAccess() ? AuditOutcome.REFUSED : AuditOutcome.FAILED;
        audit.record(filedUnder.map(ins -> new AuditEntry(
                        new AccessRequest(call.asAccessRequester(), call.purpose(), ins, kinds, transaction),
                        outcome, failure.auditReason(), refusal.error().code(), List.of(), call.correlationId(),
                        call.assertionIds()))
                .orElseGet(() -> AuditEntry.withoutPatient(transaction, call.asAccessRequester(), call.purpose(),
                        outcome, failure.auditReason(), refusal.error().code(), call.correlationId(),
                        call.assertionIds())));
        return refusal;
    }

    /**
     * Records a believed request refused because what it names does not exist here (an unknown document id): no
     * patient — an id that names nothing belongs to nobody's history — and returns the refusal to send.
     */
    ExchangeRefusal unidentified(CrossBorderCall call, CrossBorderTransaction transaction, String rule,
                                 ExchangeError error) {
        audit.record(AuditEntry.withoutPatient(transaction, call.asAccessRequester(), call.purpose(),
                AuditOutcome.REFUSED, rule, error.code(), call.correlationId(), call.assertionIds()));
        return ExchangeRefusal.of(error);
    }

    /** Records a granted request that could not be answered, and returns the refusal to send. */
    ExchangeRefusal failed(Admitted admitted, ExchangeRefusal refusal) {
        audit.record(AuditEntry.failed(admitted.request(), admitted.decision(), refusal.error().code(),
                admitted.call().correlationId(), admitted.call().assertionIds()));
        return refusal;
    }
}

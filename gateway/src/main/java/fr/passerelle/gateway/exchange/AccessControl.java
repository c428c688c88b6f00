package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.access.AccessDecision;
import fr.passerelle.gateway.access.AccessPolicy;
import fr.passerelle.gateway.access.AccessRequest;
import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.access.DecidingRule;
import fr.passerelle.gateway.audit.AuditEntry;
import fr.passerelle.gateway.audit.AuditOutcome;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.PatientControls;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The steps every use case takes once it knows the patient: the TRC assertion must be about this patient, then
 * the patient's controls and consent decide, and the outcome is written to the audit trail. A refusal is audited
 * here; the use case audits what it finally returned through {@link #granted} or {@link #failed}.
 */
@Component
public class AccessControl {

    /** The rule name recorded when the TRC assertion names another patient (trust's rule, not the policy's). */
    static final String TRC_PATIENT_RULE = "TRC_PATIENT_MISMATCH";

    private final NationalHealthSpace healthSpace;
    private final AccessPolicy policy;
    private final AuditTrail audit;

    public AccessControl(NationalHealthSpace healthSpace, AccessPolicy policy, AuditTrail audit) {
        this.healthSpace = healthSpace;
        this.policy = policy;
        this.audit = audit;
    }

    /** What the gate let through, or the audited refusal. */
    sealed interface Admission {
    }

    /**
     * @param withheld the kinds asked for that the patient's consent does not cover, each with its audited refusal,
     *                 when the others are admitted ({@link #admitEachKind}); empty otherwise
     */
    record Admitted(CrossBorderCall call, AccessRequest request, AccessDecision.Granted decision,
                    Map<DocumentKind, ExchangeRefusal> withheld) implements Admission {
        Admitted {
            withheld = Map.copyOf(withheld);
        }

        Admitted(CrossBorderCall call, AccessRequest request, AccessDecision.Granted decision) {
            this(call, request, decision, Map.of());
        }
    }

    record Refused(ExchangeRefusal refusal) implements Admission {
    }

    Admission admit(CrossBorderCall call, Ins patient, Set<DocumentKind> kinds, CrossBorderTransaction transaction) {
        AccessRequest request = request(call, patient, kinds, transaction);
        if (!TreatedPatient.matches(call.requester(), patient)) {
            return new Refused(otherTrcPatient(call, request));
        }
        return admitted(call, request, policy.decide(request, healthSpace.controls(patient)));
    }

    /**
     * Like {@link #admit}, but when the patient's consent covers some of the asked document kinds and not the others
     * (rule {@code DOCUMENTS_NOT_AUTHORISED}, e.g. a consent for the Patient Summary only and a query for PS + eP),
     * the covered kinds are admitted and each other one is withheld with its own refusal (4701), audited as refused:
     * a consent for one kind must not turn a query for several into a refusal of all. Any other refusal (a blocked
     * professional, no consent at all) refuses every kind, as {@link #admit} does.
     */
    Admission admitEachKind(CrossBorderCall call, Ins patient, Set<DocumentKind> kinds,
                          CrossBorderTransaction transaction) {
        if (kinds.size() < 2 || !TreatedPatient.matches(call.requester(), patient)) {
            return admit(call, patient, kinds, transaction);
        }
        PatientControls controls = healthSpace.controls(patient);
        AccessRequest whole = request(call, patient, kinds, transaction);
        AccessDecision decision = policy.decide(whole, controls);
        if (!(decision instanceof AccessDecision.Refused refused)
                || refused.rule() != DecidingRule.DOCUMENTS_NOT_AUTHORISED) {
            return admitted(call, whole, decision);
        }
        Set<DocumentKind> covered = EnumSet.noneOf(DocumentKind.class);
        Map<DocumentKind, AccessDecision.Refused> uncovered = new EnumMap<>(DocumentKind.class);
        for (DocumentKind kind : kinds) {
            AccessDecision alone = policy.decide(request(call, patient, Set.of(kind), transaction), controls);
            if (alone instanceof AccessDecision.Refused refusedKind) {
                uncovered.put(kind, refusedKind);
            } else {
                covered.add(kind);
            }
        }
        if (covered.isEmpty()) {
            return admitted(call, whole, decision);
        }
        Map<DocumentKind, ExchangeRefusal> withheld = new EnumMap<>(DocumentKind.class);
        uncovered.forEach((kind, refusal) -> {
            audit.record(AuditEntry.of(request(call, patient, Set.of(kind), transaction), refusal, List.of(),
                    call.correlationId(), call.assertionIds()));
            withheld.put(kind, new ExchangeRefusal(refusal.error(), refusal.rule().description()));
        });
        AccessRequest admittedRequest = request(call, patient, covered, transaction);
        AccessDecision granted = policy.decide(admittedRequest, controls);
        if (!(granted instanceof AccessDecision.Granted grantedDecision)) {
            return admitted(call, admittedRequest, granted);
        }
        return new Admitted(call, admittedRequest, grantedDecision, withheld);
    }

    /** Audits, and returns, the refusal of a request about another patient than the TRC assertion's. */
    private ExchangeRefusal otherTrcPatient(CrossBorderCall call, AccessRequest request) {
        audit.record(new AuditEntry(request, AuditOutcome.REFUSED, TRC_PATIENT_RULE,
                ExchangeError.ERROR_UNKNOWN_PATIENT_IDENTIFIER.code(), List.of(), call.correlationId(),
                call.assertionIds()));
        return new ExchangeRefusal(ExchangeError.ERROR_UNKNOWN_PATIENT_IDENTIFIER,
                "the request is about another patient than the TRC assertion");
    }

    private static AccessRequest request(CrossBorderCall call, Ins patient, Set<DocumentKind> kinds,
                                         CrossBorderTransaction transaction) {
        return new AccessRequest(call.asAccessRequester(), call.purpose(), patient, kinds, transaction);
    }

    /** The passage for a decision already made: a refusal is audited, a grant admitted. */
    private Admission admitted(CrossBorderCall call, AccessRequest request, AccessDecision decision) {
        if (decision instanceof AccessDecision.Refused refused) {
            audit.record(AuditEntry.of(request, decision, List.of(), call.correlationId(), call.assertionIds()));
            return new Refused(new ExchangeRefusal(refused.error(), refused.rule().description()));
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
        AccessRequest request = request(call, named, kinds, transaction);
        if (!TreatedPatient.matches(call.requester(), named)) {
            return otherTrcPatient(call, request);
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
        audit.record(filedUnder.map(ins -> new AuditEntry(request(call, ins, kinds, transaction), outcome,
                        failure.auditReason(), refusal.error().code(), List.of(), call.correlationId(),
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

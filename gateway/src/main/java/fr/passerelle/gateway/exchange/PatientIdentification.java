package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.access.AccessRequest;
import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.audit.AuditEntry;
import fr.passerelle.gateway.audit.AuditOutcome;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.healthspace.FrenchPatient;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.PatientSearch;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Identifies a French patient for a foreign professional (XCPD, FHIR Patient search and $match). French identity
 * vigilance: an answer names exactly one patient; no match says so; several matches are refused rather than
 * guessed. A query must be strong enough to identify ({@link IdentificationPolicy}). Disclosing that a patient exists
 * needs the patient's consent like any other access: a patient the policy does not disclose to this requester is
 * answered as nobody (the refusal and its rule are audited under the patient, who sees the attempt in their history).
 */
@Component
public class PatientIdentification {

    static final String NO_MATCH_RULE = "NO_MATCHING_PATIENT";
    static final String MULTIPLE_MATCHES_RULE = "SEVERAL_MATCHING_PATIENTS";
    static final String TOO_WEAK_RULE = "IDENTIFICATION_TOO_WEAK";

    private final NationalHealthSpace healthSpace;
    private final AccessControl gate;
    private final AuditTrail audit;

    public PatientIdentification(NationalHealthSpace healthSpace, AccessControl gate, AuditTrail audit) {
        this.healthSpace = healthSpace;
        this.gate = gate;
        this.audit = audit;
    }

    public IdentificationOutcome identify(CrossBorderCall call, PatientQuery query) {
        if (!IdentificationPolicy.sufficient(query)) {
            auditUnmatched(call, query, TOO_WEAK_RULE, "");
            return new IdentificationOutcome.Insufficient("a patient is identified by "
                    + IdentificationPolicy.REQUIREMENT);
        }
        try {
            return HealthSpaceCaller.callAs(call.requester(), () -> identifyOnBehalf(call, query));
        } catch (HealthSpaceUnavailableException e) {
            // Answered in time with an eHDSI error rather than a server error, and audited; nothing was effected.
            return new IdentificationOutcome.Refused(gate.unanswered(call, query.identifiers().stream().findFirst(),
                    Set.of(), CrossBorderTransaction.PATIENT_IDENTIFICATION, e));
        }
    }

    private IdentificationOutcome identifyOnBehalf(CrossBorderCall call, PatientQuery query) {
        List<FrenchPatient> candidates = candidates(query);
        if (candidates.isEmpty()) {
            auditUnmatched(call, query, NO_MATCH_RULE, ExchangeError.ERROR_PI_NO_MATCH.code());
            return new IdentificationOutcome.NoMatch();
        }
        if (candidates.size() > 1) {
            auditUnmatched(call, query, MULTIPLE_MATCHES_RULE, ExchangeError.ERROR_PI_MULTIPLE_MATCHES.code());
            return new IdentificationOutcome.Refused(ExchangeRefusal.of(ExchangeError.ERROR_PI_MULTIPLE_MATCHES));
        }
        FrenchPatient patient = candidates.get(0);
        AccessControl.Admission passage = gate.admit(call, patient.ins(), Set.of(),
                CrossBorderTransaction.PATIENT_IDENTIFICATION);
        if (passage instanceof AccessControl.Refused) {
            // The gate audited the refusal, its rule and code, under the patient; the requester learns nothing more
            // than of a person who is not here.
            return new IdentificationOutcome.NoMatch();
        }
        gate.granted((AccessControl.Admitted) passage, List.of());
        return new IdentificationOutcome.Identified(patient);
    }

    private List<FrenchPatient> candidates(PatientQuery query) {
        Map<Ins, FrenchPatient> found = new LinkedHashMap<>();
        if (!query.identifiers().isEmpty()) {
            for (Ins ins : query.identifiers()) {
                healthSpace.findPatient(ins).ifPresent(p -> found.put(p.ins(), p));
            }
            return found.values().stream()
                    .filter(p -> query.demographics().map(traits -> agrees(p, traits)).orElse(true))
                    .toList();
        }
        healthSpace.findPatients(query.demographics().orElseThrow()).forEach(p -> found.put(p.ins(), p));
        return List.copyOf(found.values());
    }

    /** Traits given beside an INS must not contradict it (a wrong INS must not disclose someone else). */
    static boolean agrees(FrenchPatient patient, PatientSearch traits) {
        if (traits.birthDate() != null && !traits.birthDate().equals(patient.birthDate())) {
            return false;
        }
        if (traits.gender() != null && traits.gender() != patient.gender()) {
            return false;
        }
        if (traits.familyName() != null && !traits.familyName().isBlank()
                && !fold(traits.familyName()).equals(fold(patient.familyName()))) {
            return false;
        }
        return traits.givenName() == null || traits.givenName().isBlank()
                || patient.givenNames().stream().anyMatch(g -> fold(g).equals(fold(traits.givenName())));
    }

    private static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").trim()
                .toUpperCase(Locale.ROOT);
    }

    /**
     * Records a query that named nobody or several people. The trail keys records by patient: it is filed under the
     * INS asked for, or for a search by traits alone under the patient of the requester's TRC assertion (or token
     * {@code person_id}), as {@link AccessControl} files a health-space failure; the traits themselves are never
     * recorded. A search by traits from a requester naming no patient is recorded without a patient (it belongs to
     * nobody's access history, and the operator still sees it).
     */
    private void auditUnmatched(CrossBorderCall call, PatientQuery query, String rule, String errorCode) {
        Optional<Ins> filedUnder = query.identifiers().stream().findFirst()
                .or(() -> TreatedPatient.of(call.requester()));
        if (filedUnder.isEmpty()) {
            audit.record(AuditEntry.withoutPatient(CrossBorderTransaction.PATIENT_IDENTIFICATION,
                    call.asAccessRequester(), call.purpose(), AuditOutcome.REFUSED, rule, errorCode,
                    call.correlationId(), call.assertionIds()));
            return;
        }
        AccessRequest request = new AccessRequest(call.asAccessRequester(), call.purpose(),
                filedUnder.get(), Set.of(), CrossBorderTransaction.PATIENT_IDENTIFICATION);
        audit.record(new AuditEntry(request, AuditOutcome.REFUSED, rule, errorCode, List.of(),
                call.correlationId(), call.assertionIds()));
    }
}

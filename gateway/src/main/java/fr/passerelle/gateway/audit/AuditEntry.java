package fr.passerelle.gateway.audit;

import fr.passerelle.gateway.access.AccessDecision;
import fr.passerelle.gateway.access.AccessRequest;
import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.access.Requester;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a road tells the audit trail about one transaction. Most entries concern one identified patient and a
 * verified requester ({@link #AuditEntry(AccessRequest, AuditOutcome, String, String, List, String, List)}); a
 * request answered without either (refused before or by trust, a search that identified nobody, a read of an unknown
 * id) is {@link #unattributed unattributed}: no patient, and no requester unless trust verified one.
 *
 * @param requester      the verified requester; empty when trust did not believe (or never saw) the request — what an
 *                       unbelieved assertion claims is never recorded
 * @param purpose        the purpose of use the verified assertion states; empty with the requester
 * @param patient        the patient concerned; empty when the request identified none
 * @param decidingRule   the access rule that decided, by name, or the reason an unattributed request was refused
 * @param errorCode      the error code reported to the requester (eHDSI code), empty on success
 * @param documentIds    the documents returned (XDS unique ids), empty when none
 * @param correlationId  the request's correlation id (SOAP MessageID or the X-Correlation-Id)
 * @param assertionIds   ids of the HCP/TRC assertions the request carried (verified ones only)
 */
public record AuditEntry(CrossBorderTransaction transaction, Optional<Requester> requester,
                         Optional<PurposeOfUse> purpose, Optional<Ins> patient, Set<DocumentKind> documents,
                         AuditOutcome outcome, String decidingRule, String errorCode, List<String> documentIds,
                         String correlationId, List<String> assertionIds) {

    public AuditEntry {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(patient, "patient");
        if (requester.isPresent() != purpose.isPresent()) {
            throw new IllegalArgumentException("A purpose of use comes with the verified requester that stated it");
        }
        if (patient.isPresent() && requester.isEmpty()) {
            throw new IllegalArgumentException("A patient is only recorded for a verified requester");
        }
        Objects.requireNonNull(outcome, "outcome");
        documents = documents == null || documents.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(documents));
        decidingRule = Objects.requireNonNullElse(decidingRule, "");
        errorCode = Objects.requireNonNullElse(errorCode, "");
        documentIds = List.copyOf(Objects.requireNonNullElse(documentIds, List.of()));
        correlationId = Objects.requireNonNullElse(correlationId, "");
        assertionIds = List.copyOf(Objects.requireNonNullElse(assertionIds, List.of()));
    }

    /** An entry about the request's patient, from its verified requester. */
    public AuditEntry(AccessRequest request, AuditOutcome outcome, String decidingRule, String errorCode,
                      List<String> documentIds, String correlationId, List<String> assertionIds) {
        this(request.transaction(), Optional.of(request.requester()), Optional.of(request.purpose()),
                Optional.of(request.patient()), request.documents(), outcome, decidingRule, errorCode, documentIds,
                correlationId, assertionIds);
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

    /**
     * A request refused before trust believed it (malformed envelope, addressing, size, untrusted assertions): no
     * requester, no purpose, no patient, no assertion ids — only what the gateway itself decided.
     *
     * @param reason    why, e.g. {@code SOAP_MALFORMED} or {@code TRUST_SIGNATURE}
     * @param errorCode the eHDSI error code sent, empty when the answer carried none (a plain SOAP fault)
     */
    public static AuditEntry unattributed(CrossBorderTransaction transaction, String reason, String errorCode,
                                          String correlationId) {
        return new AuditEntry(transaction, Optional.empty(), Optional.empty(), Optional.empty(), Set.of(),
                AuditOutcome.REFUSED, reason, errorCode, List.of(), correlationId, List.of());
    }

    /**
     * A request the gateway failed to answer (a server fault) before or without any record of its own: no requester,
     * no patient — what failed is in the logs under the same correlation id.
     */
    public static AuditEntry failedUnattributed(CrossBorderTransaction transaction, String reason, String errorCode,
                                                String correlationId) {
        return new AuditEntry(transaction, Optional.empty(), Optional.empty(), Optional.empty(), Set.of(),
                AuditOutcome.FAILED, reason, errorCode, List.of(), correlationId, List.of());
    }

    /**
     * A verified requester's request that concerns no identified patient (a search by traits that matched nobody or
     * several people, a read of an unknown id). The traits searched are never part of it.
     */
    public static AuditEntry withoutPatient(CrossBorderTransaction transaction, Requester requester,
                                            PurposeOfUse purpose, AuditOutcome outcome, String reason,
                                            String errorCode, String correlationId, List<String> assertionIds) {
        return new AuditEntry(transaction, Optional.of(requester), Optional.of(purpose), Optional.empty(), Set.of(),
                outcome, reason, errorCode, List.of(), correlationId, assertionIds);
    }
}

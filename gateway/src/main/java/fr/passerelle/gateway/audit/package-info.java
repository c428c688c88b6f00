/**
 * The audit trail of cross-border transactions: one hash-chained record per transaction (granted or refused),
 * written in the caller's transaction, or without one by this node's group commit (many records per commit, each
 * caller waiting for its own; {@link fr.passerelle.gateway.audit.AuditTrail#record}), verified end to end
 * ({@link fr.passerelle.gateway.audit.AuditChainVerifier}), purged after the retention period without breaking
 * verification ({@link fr.passerelle.gateway.audit.AuditRetention}), and searched for the patient and the FHIR
 * AuditEvent view. Export to an ATNA collector lives in {@code audit.atna}, the FHIR mapping in {@code audit.fhir}.
 */
package fr.passerelle.gateway.audit;

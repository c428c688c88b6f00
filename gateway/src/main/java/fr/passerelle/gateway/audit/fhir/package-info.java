/**
 * The FHIR view of the audit trail: each record as an R4 {@code AuditEvent}, and the search behind
 * {@code GET /fhir/AuditEvent?patient=…&date=…&country=…} (the provider on the FHIR server delegates here).
 */
package fr.passerelle.gateway.audit.fhir;

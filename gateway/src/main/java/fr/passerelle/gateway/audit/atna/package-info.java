/**
 * Export of the audit trail to the agency's ATNA audit record repository: each record becomes an RFC 3881 audit
 * message shaped as eHDSI writes them, framed as RFC 5424 syslog with RFC 5425 octet counting and sent over TLS,
 * from the durable {@code audit_outbox} — a record leaves the outbox only once written to the collector.
 */
package fr.passerelle.gateway.audit.atna;

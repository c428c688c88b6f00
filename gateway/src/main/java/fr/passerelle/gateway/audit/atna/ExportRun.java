package fr.passerelle.gateway.audit.atna;

/**
 * What one run of the exporter did.
 *
 * @param delivered records written to the collector and removed from the outbox
 * @param pending   records still in the outbox after the run (failed, or not yet due)
 */
public record ExportRun(int delivered, long pending) {
}

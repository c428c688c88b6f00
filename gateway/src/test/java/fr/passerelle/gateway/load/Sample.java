package fr.passerelle.gateway.load;

/**
 * One request as sent and answered: which node, what kind, its correlation id, when it started (nanoseconds since
 * the run began), how long it took, how it was judged, the HTTP status (0 without an answer) and, for a broken
 * answer, the start of its body (for the failing test's message; load answers carry no patient data in clear
 * beyond the demo identifiers).
 */
public record Sample(int node, String kind, String correlationId, long startNanos, long latencyNanos,
                     Outcome outcome, int status, String brokenBody) {
}

package fr.passerelle.gateway.console.demo;

/**
 * One exchange of the trace, as the page shows it: no identifier, no assertion, no document content.
 *
 * @param transaction e.g. "XCPD ITI-55 patient discovery"
 * @param endpoint    the path called, without query (the query of a FHIR search carries the INS)
 * @param httpStatus  the HTTP status received (0 when no answer came)
 * @param result      the protocol's verdict in a few words (e.g. "AA", "Success", "4701")
 * @param millis      wall-clock duration of the HTTP exchange, including the assertions' signing
 */
public record ExchangeStep(String transaction, String endpoint, int httpStatus, String result, long millis) {
}

/**
 * The load harness: drives real signed requests (SOAP XCPD / XCA query / XCA retrieve with HCP + TRC assertions
 * signed by a demo country, FHIR {@code $summary} with a signed bearer JWT) over loopback against running gateway
 * processes started from the packaged jar ({@link fr.passerelle.gateway.load.GatewayProcess}) or given by URL, and
 * prints throughput and latency percentiles ({@link fr.passerelle.gateway.load.LoadHarness}, run by
 * {@code src/load/run}). The fault tests ({@code gateway.faults}) reuse it to put nodes under load while they kill
 * them or their database, and the soak ({@link fr.passerelle.gateway.load.Soak}) to sample heap and threads.
 *
 * <p>Every answer is classified ({@link fr.passerelle.gateway.load.Outcome}): a success, a clean refusal in the
 * protocol's own shape (SOAP fault, registry error, HL7 AE, FHIR OperationOutcome), a broken answer (anything else,
 * e.g. a stack trace), no answer (connection refused or reset) or a timeout.
 */
package fr.passerelle.gateway.load;

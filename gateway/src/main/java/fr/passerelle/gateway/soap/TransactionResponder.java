package fr.passerelle.gateway.soap;

/**
 * The responding actor of one IHE transaction (XCPD and XCA Responding Gateway, XDR Document Recipient): the seam
 * between a protocol endpoint and the policy road behind it: trust → patient → access policy → health
 * space → translation → audit. An endpoint decodes the envelope into {@code Q}, hands it with the envelope's
 * security header to the road, and encodes the typed outcome {@code R}; it decides nothing itself.
 *
 * @param <Q> the typed request of one IHE transaction
 * @param <R> the sealed outcome of that transaction
 */
@FunctionalInterface
public interface TransactionResponder<Q, R> {

    R respond(RequestSecurity security, Q request);
}

package fr.passerelle.gateway.soap;

/**
 * The seam between a protocol endpoint and the policy road behind it: trust → patient → access policy → health
 * space → translation → audit. An endpoint decodes the envelope into {@code Q}, hands it with the envelope's
 * security header to the road, and encodes the typed outcome {@code R}; it decides nothing itself.
 *
 * @param <Q> the typed request of one IHE transaction
 * @param <R> the sealed outcome of that transaction
 */
@FunctionalInterface
public interface CrossBorderRoad<Q, R> {

    R travel(RequestSecurity security, Q request);
}

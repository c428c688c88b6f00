/**
 * One-use guard for assertion and message ids. {@link fr.passerelle.trust.replay.ReplayGuard} is the port the
 * validator uses; {@link fr.passerelle.trust.replay.CachingReplayGuard} puts an in-process Caffeine cache in front
 * of a {@link fr.passerelle.trust.replay.ReplayStore} shared by all gateway nodes (the gateway's JDBC store), so a
 * replay is refused on the node that saw the id first without a database round trip, and on every other node
 * through the store.
 */
package fr.passerelle.trust.replay;

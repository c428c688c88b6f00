package fr.passerelle.gateway.node;

import java.time.Instant;

/**
 * One node as the registry knows it.
 *
 * @param terminologyFingerprint SHA-256 of the loaded catalogue's statistics (counts and source packages)
 * @param live                   seen within {@code passerelle.node.live-for}
 */
public record NodeState(String nodeId, String host, Instant startedAt, Instant seenAt, String applicationVersion,
                        String terminologyFingerprint, String terminologySummary, boolean live) {
}

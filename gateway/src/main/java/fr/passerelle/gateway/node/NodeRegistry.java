package fr.passerelle.gateway.node;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of table {@code gateway_node}: one per node, refreshed by its heartbeat. An UPDATE, then an INSERT when the
 * node has no row yet: both engines accept it and only the node itself writes its row.
 */
public final class NodeRegistry {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration liveFor;

    public NodeRegistry(DataSource dataSource, Clock clock, Duration liveFor) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.liveFor = liveFor;
    }

    /** What a node says about itself. */
    public record Announcement(String nodeId, String host, Instant startedAt, String applicationVersion,
                               String terminologyFingerprint, String terminologySummary) {
    }

    public void announce(Announcement node) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                        UPDATE gateway_node SET seen_at = ?, application_version = ?, terminology_fingerprint = ?,
                          terminology_summary = ? WHERE node_id = ?""")
                .params(now, node.applicationVersion(), node.terminologyFingerprint(),
                        clip(node.terminologySummary()), node.nodeId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO gateway_node (node_id, host, started_at, seen_at, application_version,
                              terminology_fingerprint, terminology_summary)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(node.nodeId(), clip(node.host()), Timestamp.from(node.startedAt()), now,
                            node.applicationVersion(), node.terminologyFingerprint(), clip(node.terminologySummary()))
                    .update();
        }
    }

    /** Every node that announced itself, most recently seen first; {@code live} says whether it still beats. */
    public List<NodeState> nodes() {
        Instant liveSince = clock.instant().minus(liveFor);
        return jdbc.sql("""
                        SELECT node_id, host, started_at, seen_at, application_version, terminology_fingerprint,
                          terminology_summary FROM gateway_node ORDER BY seen_at DESC, node_id""")
                .query((row, n) -> {
                    Instant seen = row.getTimestamp("seen_at").toInstant();
                    return new NodeState(row.getString("node_id"), row.getString("host"),
                            row.getTimestamp("started_at").toInstant(), seen, row.getString("application_version"),
                            row.getString("terminology_fingerprint"), row.getString("terminology_summary"),
                            !seen.isBefore(liveSince));
                })
                .list();
    }

    /** Forgets nodes not seen since {@code before} (a stopped node's row otherwise stays, listed as gone). */
    public int forgetSeenBefore(Instant before) {
        return jdbc.sql("DELETE FROM gateway_node WHERE seen_at < ?")
                .param(Timestamp.from(before))
                .update();
    }

    private static String clip(String value) {
        return value == null ? "" : value.length() <= 512 ? value : value.substring(0, 512);
    }
}

package fr.passerelle.gateway.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes records older than the retention period. The last removed record becomes the anchor (its sequence
 * number and hash are kept in the chain head and in {@code audit_purge}), so the records kept still verify from
 * it. Records not yet delivered to the ATNA collector are never purged.
 */
@Component
public class AuditRetention {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditProperties properties;
    private final Clock clock;

    public AuditRetention(DataSource dataSource, PlatformTransactionManager transactions, AuditProperties properties,
                          Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /** Purges what the configured retention lets go. */
    public PurgeResult purgeExpired() {
        return purgeRecordedBefore(clock.instant().minus(properties.retention()));
    }

    public PurgeResult purgeRecordedBefore(Instant cutoff) {
        return transaction.execute(status -> {
            long anchor = jdbc.sql("SELECT anchor_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                    .query(Long.class).single();
            Long through = jdbc.sql("SELECT max(seq) FROM audit_record WHERE recorded_at < ?")
                    .param(cutoff.atOffset(ZoneOffset.UTC)).query(Long.class).optional().orElse(null);
            Long firstPending = jdbc.sql("SELECT min(seq) FROM audit_outbox").query(Long.class).optional()
                    .orElse(null);
            if (through != null && firstPending != null) {
                through = Math.min(through, firstPending - 1);
            }
            if (through == null || through <= anchor) {
                return new PurgeResult(0, anchor);
            }
            String anchorHash = jdbc.sql("SELECT record_hash FROM audit_record WHERE seq = ?").param(through)
                    .query(String.class).single();
            int purged = jdbc.sql("DELETE FROM audit_record WHERE seq <= ?").param(through).update();
            jdbc.sql("UPDATE audit_chain_head SET anchor_seq = ?, anchor_hash = ? WHERE id = 1")
                    .params(through, anchorHash).update();
            jdbc.sql("INSERT INTO audit_purge (purged_at, through_seq, through_hash, purged_count) VALUES (?, ?, ?, ?)")
                    .params(clock.instant().atOffset(ZoneOffset.UTC), through, anchorHash, purged).update();
            return new PurgeResult(purged, through);
        });
    }
}

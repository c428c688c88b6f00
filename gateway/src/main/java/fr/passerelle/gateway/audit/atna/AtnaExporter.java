package fr.passerelle.gateway.audit.atna;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import fr.passerelle.gateway.audit.AuditRows;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox records to the collector, oldest first. Each record is sent and removed from the outbox in one
 * transaction holding the export lock row, so two nodes never send the same record, and a record leaves the outbox
 * only after it was written. A failure stops the run and leaves the rest for the next attempt: nothing is lost
 * while the collector is down. (RFC 5425 has no acknowledgement: the seq in each message lets the collector drop
 * the rare copy sent again after a crash between writing and committing.)
 */
public class AtnaExporter {

    private static final Logger LOG = LoggerFactory.getLogger(AtnaExporter.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AtnaProperties properties;
    private final SyslogTlsConnector connector;
    private final AtnaMessageWriter writer;
    private final Clock clock;

    public AtnaExporter(DataSource dataSource, PlatformTransactionManager transactions, AtnaProperties properties,
                        SyslogTlsConnector connector, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.connector = connector;
        this.writer = new AtnaMessageWriter(properties.auditSourceId());
        this.clock = clock;
    }

    public ExportRun exportDue() {
        Instant now = clock.instant();
        List<Long> due = jdbc.sql("SELECT seq FROM audit_outbox WHERE next_attempt_at <= ? ORDER BY seq LIMIT "
                        + properties.batchSize())
                .param(now.atOffset(ZoneOffset.UTC)).query(Long.class).list();
        int delivered = 0;
        if (!due.isEmpty()) {
            try (SyslogTlsConnector.Connection connection = connector.open()) {
                for (long seq : due) {
                    if (Boolean.TRUE.equals(transaction.execute(status -> sendOne(connection, seq)))) {
                        delivered++;
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                postpone(due.subList(delivered, due.size()), now, e);
            }
        }
        long pending = jdbc.sql("SELECT count(*) FROM audit_outbox").query(Long.class).single();
        return new ExportRun(delivered, pending);
    }

    private boolean sendOne(SyslogTlsConnector.Connection connection, long seq) {
        jdbc.sql("SELECT id FROM audit_export_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
        boolean stillPending = jdbc.sql("SELECT count(*) FROM audit_outbox WHERE seq = ?").param(seq)
                .query(Long.class).single() > 0;
        if (!stillPending) {
            return false; // another node delivered it meanwhile
        }
        var record = jdbc.sql("SELECT * FROM audit_record WHERE seq = ?").param(seq)
                .query(AuditRows::read).single();
        try {
            connection.send(SyslogFrame.frame(properties.hostname(), seq, record.recordedAt(), writer.write(record)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("DELETE FROM audit_outbox WHERE seq = ?").param(seq).update();
        return true;
    }

    private void postpone(List<Long> seqs, Instant now, Exception cause) {
        String error = (cause.getClass().getSimpleName() + ": " + cause.getMessage());
        String truncated = error.length() > 500 ? error.substring(0, 500) : error;
        LOG.warn("ATNA collector {}:{} unreachable, {} record(s) kept for retry: {}", properties.host(),
                properties.port(), seqs.size(), truncated);
        for (long seq : seqs) {
            jdbc.sql("UPDATE audit_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                            + "WHERE seq = ?")
                    .params(now.plus(properties.retryDelay()).atOffset(ZoneOffset.UTC), truncated, seq)
                    .update();
        }
    }
}

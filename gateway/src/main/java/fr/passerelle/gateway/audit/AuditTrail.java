package fr.passerelle.gateway.audit;

import fr.passerelle.gateway.audit.atna.AtnaProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends records to the trail. {@link #record} joins the caller's transaction when there is one (so the record
 * commits or rolls back with the effect it describes, before the response leaves) and opens its own otherwise.
 * Appends on every node take turns on the chain head row ({@code SELECT … FOR UPDATE}), so the chain never forks.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final boolean exportEnabled;
    private final Clock clock;

    public AuditTrail(DataSource dataSource, PlatformTransactionManager transactions, ApplicationEventPublisher events,
                      AtnaProperties atna, ObjectProvider<Clock> clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.exportEnabled = atna.enabled();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public AuditRecord record(AuditEntry entry) {
        return transaction.execute(status -> append(entry));
    }

    private AuditRecord append(AuditEntry entry) {
        ChainHead head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((row, n) -> new ChainHead(row.getLong(1), row.getString(2)))
                .single();
        // The database keeps microseconds: hash what will be read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var request = entry.request();
        var requester = request.requester();
        AuditRecord unsealed = new AuditRecord(head.lastSeq() + 1, now, request.transaction(), requester.country(),
                requester.ncp(), requester.professionalId(), requester.role(), requester.organisation(),
                request.purpose(), request.patient(), request.documents(),
                entry.documentIds().stream().map(AuditRows::oneLine).toList(), entry.outcome(),
                entry.decidingRule(), entry.errorCode(), entry.correlationId(),
                entry.assertionIds().stream().map(AuditRows::oneLine).toList(), head.lastHash(), "");
        AuditRecord sealed = withHash(unsealed, AuditHashing.hash(unsealed));
        AuditRows.insert(jdbc, sealed);
        jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(sealed.seq(), sealed.recordHash())
                .update();
        if (exportEnabled) {
            jdbc.sql("INSERT INTO audit_outbox (seq, attempts, next_attempt_at) VALUES (?, 0, ?)")
                    .params(sealed.seq(), now.atOffset(ZoneOffset.UTC))
                    .update();
        }
        events.publishEvent(new CrossBorderAccessRecorded(sealed));
        return sealed;
    }

    private static AuditRecord withHash(AuditRecord r, String hash) {
        return new AuditRecord(r.seq(), r.recordedAt(), r.transaction(), r.requestingCountry(), r.requestingNcp(),
                r.professionalId(), r.professionalRole(), r.organisation(), r.purpose(), r.patient(),
                r.documentKinds(), r.documentIds(), r.outcome(), r.decidingRule(), r.errorCode(), r.correlationId(),
                r.assertionIds(), r.previousHash(), hash);
    }

    private record ChainHead(long lastSeq, String lastHash) {
    }
}

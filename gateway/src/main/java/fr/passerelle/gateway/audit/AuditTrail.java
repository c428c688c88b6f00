package fr.passerelle.gateway.audit;

import fr.passerelle.gateway.access.Requester;
import fr.passerelle.gateway.audit.atna.AtnaProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends records to the trail. {@link #record} joins the caller's transaction when there is one (so the record
 * commits or rolls back with the effect it describes, before the response leaves) and opens its own otherwise.
 * Appends on every node take turns on the chain head row ({@code SELECT … FOR UPDATE}), so the chain never forks.
 */
@Component
public class AuditTrail implements DisposableBean {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final boolean exportEnabled;
    private final Clock clock;
    private final AuditGroupCommit groupCommit;

    public AuditTrail(DataSource dataSource, PlatformTransactionManager transactions, ApplicationEventPublisher events,
                      AtnaProperties atna, AuditProperties properties, Clock clock,
                      ObjectProvider<MeterRegistry> meters) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.exportEnabled = atna.enabled();
        this.clock = clock;
        this.groupCommit = properties.batch().enabled() ? new AuditGroupCommit(this::appendAll, properties.batch())
                : null;
        if (groupCommit != null) {
            meters.ifAvailable(this::registerMeters);
        }
    }

    /**
     * Appends the entry and returns its record once committed. Inside the caller's transaction (e.g. a dispensation
     * stored with its record) it joins it, so both commit or roll back together. Without one (the read roads) the
     * entry goes to this node's group commit: it shares one transaction and one disk flush with the records other
     * callers append at the same time, and this call returns only after that commit — or fails, with nothing of
     * that transaction written, if it rolled back or did not finish within {@code passerelle.audit.batch.timeout}.
     */
    public AuditRecord record(AuditEntry entry) {
        if (groupCommit == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.execute(status -> append(entry));
        }
        return groupCommit.append(entry);
    }

    /** One batch of the group commit: in order, in one transaction (the head lock taken once, held to the commit). */
    private List<AuditRecord> appendAll(List<AuditEntry> entries) {
        return transaction.execute(status -> entries.stream().map(this::append).toList());
    }

    /** What the group commit has done on this node; empty stats when it is disabled. */
    AuditGroupCommit.GroupCommitStats groupCommitStats() {
        return groupCommit == null ? new AuditGroupCommit.GroupCommitStats(0, 0, 0, 0, 0, false) : groupCommit.stats();
    }

    /** Commits what is queued before the context (and its data source) closes. */
    @Override
    public void destroy() {
        if (groupCommit != null) {
            groupCommit.close();
        }
    }

    private void registerMeters(MeterRegistry registry) {
        FunctionCounter.builder("passerelle.audit.group.commits", this, t -> t.groupCommitStats().commits())
                .description("audit transactions committed by the group commit").register(registry);
        FunctionCounter.builder("passerelle.audit.group.records", this, t -> t.groupCommitStats().records())
                .description("audit records committed by the group commit (records / commits = mean batch)")
                .register(registry);
        FunctionCounter.builder("passerelle.audit.group.failed", this, t -> t.groupCommitStats().failedBatches())
                .description("audit batches rolled back (all their callers failed)").register(registry);
        Gauge.builder("passerelle.audit.group.queued", this, t -> t.groupCommitStats().queued())
                .description("audit entries waiting for the group commit").register(registry);
    }

    private AuditRecord append(AuditEntry entry) {
        ChainHead head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((row, n) -> new ChainHead(row.getLong(1), row.getString(2)))
                .single();
        // The database keeps microseconds: hash what will be read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Without a verified requester the requester fields stay empty: nothing an unbelieved assertion claims.
        var requester = entry.requester();
        AuditRecord unsealed = new AuditRecord(head.lastSeq() + 1, now, entry.transaction(),
                requester.map(Requester::country).orElse(""), requester.map(Requester::ncp).orElse(""),
                requester.map(Requester::professionalId).orElse(""), requester.map(Requester::role).orElse(""),
                requester.map(Requester::organisation).orElse(""), entry.purpose(), entry.patient(),
                entry.documents(), entry.documentIds().stream().map(AuditRows::oneLine).toList(), entry.outcome(),
                AuditRows.bounded(entry.decidingRule(), 64), AuditRows.bounded(entry.errorCode(), 64),
                AuditRows.bounded(AuditRows.oneLine(entry.correlationId()), 256),
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

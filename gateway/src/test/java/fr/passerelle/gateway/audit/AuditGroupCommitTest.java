package fr.passerelle.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Records appended outside a caller's transaction share commits, and a batch is written whole or not at all. */
class AuditGroupCommitTest {

    private static final AuditProperties.Batch BATCH = new AuditProperties.Batch(true, 64, 4096,
            Duration.ofSeconds(20));

    @DatabaseTest
    void concurrentCallersEachGetTheirOwnRecordInOneGaplessChainWithSharedCommits(TestDatabase db) throws Exception {
        AuditFixtures.reset(db.dataSource());
        ControlledDataSource source = new ControlledDataSource(db.dataSource());
        AuditTrail trail = AuditFixtures.trail(source, Clock.systemUTC(), true, event -> { }, BATCH);
        ExecutorService callers = Executors.newFixedThreadPool(32);
        try {
            // First a writer known to be busy (held at its connection) while 31 callers queue behind it: they must
            // come out as one commit.
            source.hold();
            List<Future<AuditRecord>> queued = new ArrayList<>();
            queued.add(callers.submit(() -> trail.record(AuditFixtures.granted("held.0"))));
            awaitTrue(() -> source.waiting() == 1);
            for (int i = 1; i < 32; i++) {
                String id = "held." + i;
                queued.add(callers.submit(() -> trail.record(AuditFixtures.granted(id))));
            }
            awaitTrue(() -> trail.groupCommitStats().queued() == 31);
            source.release();
            for (int i = 0; i < 32; i++) {
                assertThat(queued.get(i).get().documentIds()).containsExactly("held." + i);
            }
            assertThat(trail.groupCommitStats().largestBatch()).isEqualTo(31);

            // Then 32 callers appending freely, 20 records each.
            List<Future<List<AuditRecord>>> done = new ArrayList<>();
            for (int c = 0; c < 32; c++) {
                int caller = c;
                done.add(callers.submit(() -> {
                    List<AuditRecord> mine = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        AuditRecord record = trail.record(AuditFixtures.granted("free." + caller + "." + i));
                        assertThat(record.documentIds()).containsExactly("free." + caller + "." + i);
                        mine.add(record);
                    }
                    return mine;
                }));
            }
            List<Long> seqs = new ArrayList<>(queued.stream().map(AuditGroupCommitTest::get)
                    .map(AuditRecord::seq).toList());
            for (Future<List<AuditRecord>> f : done) {
                f.get().forEach(r -> seqs.add(r.seq()));
            }
            assertThat(seqs).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 672).boxed().toList());
        } finally {
            callers.shutdown();
            trail.destroy();
        }
        AuditGroupCommit.GroupCommitStats stats = trail.groupCommitStats();
        assertThat(stats.records()).isEqualTo(672);
        assertThat(stats.commits()).isLessThan(672);
        assertThat(count(db, "audit_record")).isEqualTo(672);
        assertThat(count(db, "audit_outbox")).isEqualTo(672);
        assertThat(new AuditChainVerifier(db.dataSource()).verify()).isEqualTo(new ChainVerification.Intact(672, 0, 672));
    }

    @DatabaseTest
    void aFailedBatchFailsAllItsCallersWritesNothingAndTheNextBatchWorks(TestDatabase db) throws Exception {
        AuditFixtures.reset(db.dataSource());
        ControlledDataSource source = new ControlledDataSource(db.dataSource());
        List<Object> published = new ArrayList<>();
        AuditTrail trail = AuditFixtures.trail(source, Clock.systemUTC(), true,
                event -> {
                    synchronized (published) {
                        published.add(event);
                    }
                }, BATCH);
        ExecutorService callers = Executors.newFixedThreadPool(9);
        try {
            source.hold();
            Future<AuditRecord> first = callers.submit(() -> trail.record(AuditFixtures.granted("ok.1")));
            awaitTrue(() -> source.waiting() == 1);
            List<Future<AuditRecord>> doomed = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = "doomed." + i;
                doomed.add(callers.submit(() -> trail.record(AuditFixtures.granted(id))));
            }
            awaitTrue(() -> trail.groupCommitStats().queued() == 8);
            source.failRecordInsert(5); // the first batch commits; the second (the 8 queued) fails at its 4th
            source.release();

            assertThat(first.get().seq()).isEqualTo(1);
            for (Future<AuditRecord> f : doomed) {
                assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(DataAccessException.class)
                        .rootCause().hasMessageContaining("injected");
            }
            AuditRecord next = trail.record(AuditFixtures.granted("ok.2"));
            assertThat(next.seq()).isEqualTo(2);
            assertThat(next.previousHash()).isEqualTo(first.get().recordHash());
        } finally {
            callers.shutdown();
            trail.destroy();
        }
        assertThat(trail.groupCommitStats().failedBatches()).isEqualTo(1);
        assertThat(count(db, "audit_record")).isEqualTo(2);
        assertThat(count(db, "audit_outbox")).isEqualTo(2);
        assertThat(JdbcClient.create(db.dataSource()).sql("SELECT count(*) FROM audit_record WHERE documents LIKE ?")
                .param("%doomed%").query(Long.class).single()).isZero();
        assertThat(new AuditChainVerifier(db.dataSource()).verify()).isEqualTo(new ChainVerification.Intact(2, 0, 2));
    }

    @DatabaseTest
    void aCallerWhoseEntryWasNotTakenInTimeFailsAndItsEntryIsNeverWritten(TestDatabase db) throws Exception {
        AuditFixtures.reset(db.dataSource());
        ControlledDataSource source = new ControlledDataSource(db.dataSource());
        AuditTrail trail = AuditFixtures.trail(source, Clock.systemUTC(), false, event -> { },
                new AuditProperties.Batch(true, 64, 16, Duration.ofSeconds(1)));
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            source.hold();
            Future<AuditRecord> taken = callers.submit(() -> trail.record(AuditFixtures.granted("taken")));
            awaitTrue(() -> source.waiting() == 1);
            assertThatThrownBy(() -> trail.record(AuditFixtures.granted("late")))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("not written");
            source.release();
            assertThat(taken.get().seq()).isEqualTo(1);
            assertThat(trail.record(AuditFixtures.granted("after")).seq()).isEqualTo(2);
        } finally {
            callers.shutdown();
            trail.destroy();
        }
        assertThat(count(db, "audit_record")).isEqualTo(2);
        assertThat(new AuditChainVerifier(db.dataSource()).verify()).isEqualTo(new ChainVerification.Intact(2, 0, 2));
    }

    @DatabaseTest
    void insideTheCallersTransactionTheRecordBypassesTheGroupCommitAndRollsBackWithIt(TestDatabase db) {
        AuditFixtures.reset(db.dataSource());
        AuditTrail trail = AuditFixtures.trail(db.dataSource(), Clock.systemUTC(), true, event -> { }, BATCH);
        TransactionTemplate callers = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));

        assertThatThrownBy(() -> callers.executeWithoutResult(status -> {
            trail.record(AuditFixtures.granted("rolled.back"));
            throw new IllegalStateException("the dispensation failed after its audit record was written");
        })).hasMessageContaining("dispensation failed");
        AuditRecord kept = callers.execute(status -> trail.record(AuditFixtures.granted("kept")));

        assertThat(kept.seq()).isEqualTo(1);
        assertThat(trail.groupCommitStats().records()).isZero();
        assertThat(count(db, "audit_record")).isEqualTo(1);
        assertThat(count(db, "audit_outbox")).isEqualTo(1);
        trail.destroy();
    }

    @DatabaseTest
    void twoNodesOnOneDatabaseKeepOneChain(TestDatabase db) throws Exception {
        AuditFixtures.reset(db.dataSource());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.username());
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setPoolName("audit-second-node");
        try (HikariDataSource secondPool = new HikariDataSource(config)) {
            AuditTrail nodeA = AuditFixtures.trail(db.dataSource(), Clock.systemUTC(), false, event -> { }, BATCH);
            AuditTrail nodeB = AuditFixtures.trail(secondPool, Clock.systemUTC(), false, event -> { }, BATCH);
            ExecutorService callers = Executors.newFixedThreadPool(24);
            List<Future<List<Long>>> done = new ArrayList<>();
            try {
                for (int c = 0; c < 24; c++) {
                    AuditTrail node = c % 2 == 0 ? nodeA : nodeB;
                    int caller = c;
                    done.add(callers.submit(() -> {
                        List<Long> seqs = new ArrayList<>();
                        for (int i = 0; i < 15; i++) {
                            seqs.add(node.record(AuditFixtures.granted("node." + caller + "." + i)).seq());
                        }
                        return seqs;
                    }));
                }
                List<Long> seqs = new ArrayList<>();
                for (Future<List<Long>> f : done) {
                    seqs.addAll(f.get());
                }
                assertThat(seqs).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 360).boxed().toList());
            } finally {
                callers.shutdown();
                nodeA.destroy();
                nodeB.destroy();
            }
            assertThat(nodeA.groupCommitStats().records() + nodeB.groupCommitStats().records()).isEqualTo(360);
        }
        assertThat(new AuditChainVerifier(db.dataSource()).verify()).isEqualTo(new ChainVerification.Intact(360, 0, 360));
    }

    @DatabaseTest
    void closingCommitsWhatIsQueuedThenRefusesNewEntries(TestDatabase db) throws Exception {
        AuditFixtures.reset(db.dataSource());
        ControlledDataSource source = new ControlledDataSource(db.dataSource());
        AuditTrail trail = AuditFixtures.trail(source, Clock.systemUTC(), false, event -> { }, BATCH);
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            source.hold();
            List<Future<AuditRecord>> queued = new ArrayList<>();
            queued.add(callers.submit(() -> trail.record(AuditFixtures.granted("q.0"))));
            awaitTrue(() -> source.waiting() == 1);
            for (int i = 1; i < 5; i++) {
                String id = "q." + i;
                queued.add(callers.submit(() -> trail.record(AuditFixtures.granted(id))));
            }
            awaitTrue(() -> trail.groupCommitStats().queued() == 4);
            Future<?> closing = callers.submit(trail::destroy);
            awaitTrue(() -> !trail.groupCommitStats().accepting());
            assertThatThrownBy(() -> trail.record(AuditFixtures.granted("refused")))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("shutting down");
            source.release();
            closing.get();
            for (Future<AuditRecord> f : queued) {
                assertThat(f.get().seq()).isBetween(1L, 5L);
            }
        } finally {
            callers.shutdown();
        }
        assertThat(count(db, "audit_record")).isEqualTo(5);
        assertThat(new AuditChainVerifier(db.dataSource()).verify()).isEqualTo(new ChainVerification.Intact(5, 0, 5));
    }

    private static AuditRecord get(Future<AuditRecord> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Polls a condition the test's own threads bring about (no timing is asserted; 30 s is only a safety net). */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 30 s");
            }
            Thread.sleep(5);
        }
    }

    private static long count(TestDatabase db, String table) {
        return JdbcClient.create(db.dataSource()).sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}

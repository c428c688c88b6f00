package fr.passerelle.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.access.AccessFixtures;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AuditTrailTest {

    @DatabaseTest
    void eachRecordCarriesItsPredecessorsHash(TestDatabase db) {
        AuditFixtures.reset(db.dataSource());
        AuditTrail trail = AuditFixtures.trail(db.dataSource(), Clock.systemUTC(), false);

        AuditRecord first = trail.record(AuditFixtures.granted("1.2.250.1.1"));
        AuditRecord second = trail.record(AuditFixtures.refusedEmergency());

        assertThat(first.previousHash()).isEqualTo(AuditHashing.GENESIS);
        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.previousHash()).isEqualTo(first.recordHash());
        assertThat(second.recordHash()).isEqualTo(AuditHashing.hash(second)).hasSize(64);
        List<AuditRecord> stored = new AuditSearch(db.dataSource()).find(
                AuditSearchCriteria.forPatient(AccessFixtures.PATIENT, 10));
        assertThat(stored).containsExactly(second, first);
        assertThat(stored.get(1).documentIds()).containsExactly("1.2.250.1.1");
        assertThat(stored.get(0).errorCode()).isEqualTo("4701");
        assertThat(new AuditChainVerifier(db.dataSource()).verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    @DatabaseTest
    void theRecordCommitsOrRollsBackWithTheCallersTransaction(TestDatabase db) {
        AuditTrail trail = AuditFixtures.trail(db.dataSource(), Clock.systemUTC(), false);
        TransactionTemplate callers = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        long before = count(db);

        assertThatThrownBy(() -> callers.executeWithoutResult(status -> {
            trail.record(AuditFixtures.granted("1.2.250.1.2"));
            throw new IllegalStateException("the effect failed after the audit record was written");
        })).hasMessageContaining("effect failed");
        assertThat(count(db)).isEqualTo(before);

        callers.executeWithoutResult(status -> trail.record(AuditFixtures.granted("1.2.250.1.3")));
        assertThat(count(db)).isEqualTo(before + 1);
        assertThat(new AuditChainVerifier(db.dataSource()).verify()).isInstanceOf(ChainVerification.Intact.class);
    }

    @DatabaseTest
    void concurrentWritersDoNotForkTheChain(TestDatabase db) throws Exception {
        AuditTrail trail = AuditFixtures.trail(db.dataSource(), Clock.systemUTC(), false);
        long before = count(db);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        trail.record(AuditFixtures.granted("1.2.250." + writer + "." + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdown();
        }
        assertThat(count(db)).isEqualTo(before + 60);
        ChainVerification verdict = new AuditChainVerifier(db.dataSource()).verify();
        assertThat(verdict).isInstanceOf(ChainVerification.Intact.class);
        assertThat(((ChainVerification.Intact) verdict).records()).isEqualTo(before + 60);
    }

    private static long count(TestDatabase db) {
        return JdbcClient.create(db.dataSource()).sql("SELECT count(*) FROM audit_record").query(Long.class).single();
    }
}

package fr.passerelle.gateway.trust;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import fr.passerelle.trust.replay.CachingReplayGuard;
import fr.passerelle.trust.replay.ReplayGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The database-backed one-use guard, on H2 and PostgreSQL, with a second node sharing the database. */
class JdbcReplayStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    @DatabaseTest
    void firstUseOnlyOnce(TestDatabase db) {
        JdbcReplayStore store = new JdbcReplayStore(db.dataSource());
        String key = UUID.randomUUID().toString();
        assertThat(store.recordIfAbsent(key, NOW.plusSeconds(600), NOW)).isTrue();
        assertThat(store.recordIfAbsent(key, NOW.plusSeconds(600), NOW.plusSeconds(1))).isFalse();
    }

    @DatabaseTest
    void anExpiredKeyCanBeUsedAgain(TestDatabase db) {
        JdbcReplayStore store = new JdbcReplayStore(db.dataSource());
        String key = UUID.randomUUID().toString();
        assertThat(store.recordIfAbsent(key, NOW.plusSeconds(60), NOW)).isTrue();
        assertThat(store.recordIfAbsent(key, NOW.plusSeconds(600), NOW.plusSeconds(61))).isTrue();
        assertThat(store.recordIfAbsent(key, NOW.plusSeconds(600), NOW.plusSeconds(62))).isFalse();
    }

    @DatabaseTest
    void purgeRemovesOnlyExpiredRows(TestDatabase db) {
        JdbcReplayStore store = new JdbcReplayStore(db.dataSource());
        store.recordIfAbsent("old-" + UUID.randomUUID(), NOW.minusSeconds(1), NOW.minusSeconds(100));
        String live = "live-" + UUID.randomUUID();
        store.recordIfAbsent(live, NOW.plusSeconds(600), NOW);
        assertThat(store.purgeExpired(NOW)).isGreaterThanOrEqualTo(1);
        assertThat(store.recordIfAbsent(live, NOW.plusSeconds(600), NOW)).isFalse();
    }

    @DatabaseTest
    void aSecondNodeSharingTheDatabaseRefusesTheReplay(TestDatabase db) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ReplayGuard nodeA = new CachingReplayGuard(new JdbcReplayStore(db.dataSource()), clock, 1_000);
        ReplayGuard nodeB = new CachingReplayGuard(new JdbcReplayStore(db.dataSource()), clock, 1_000);
        String id = "assertion:_" + UUID.randomUUID();
        assertThat(nodeA.firstUse(id, NOW.plus(Duration.ofHours(4)))).isTrue();
        assertThat(nodeB.firstUse(id, NOW.plus(Duration.ofHours(4)))).isFalse();
        assertThat(nodeA.firstUse(id, NOW.plus(Duration.ofHours(4)))).isFalse();
    }

    @DatabaseTest
    void concurrentFirstUsesOnTwoNodesLetExactlyOneThrough(TestDatabase db) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ReplayGuard nodeA = new CachingReplayGuard(new JdbcReplayStore(db.dataSource()), clock, 1_000);
        ReplayGuard nodeB = new CachingReplayGuard(new JdbcReplayStore(db.dataSource()), clock, 1_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                String id = "message:" + UUID.randomUUID();
                List<Callable<Boolean>> attempts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    ReplayGuard node = i % 2 == 0 ? nodeA : nodeB;
                    attempts.add(() -> node.firstUse(id, NOW.plusSeconds(600)));
                }
                int accepted = 0;
                for (Future<Boolean> result : pool.invokeAll(attempts)) {
                    accepted += result.get() ? 1 : 0;
                }
                assertThat(accepted).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
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

    @DatabaseTest
    void theIdsOfOneRequestAreStoredAllOrNone(TestDatabase db) {
        JdbcReplayStore store = new JdbcReplayStore(db.dataSource());
        String used = "used-" + UUID.randomUUID();
        String fresh = "fresh-" + UUID.randomUUID();
        assertThat(store.recordIfAbsent(used, NOW.plusSeconds(600), NOW)).isTrue();

        Map<String, Instant> request = new LinkedHashMap<>();
        request.put(fresh, NOW.plusSeconds(600));
        request.put(used, NOW.plusSeconds(600));
        assertThat(store.recordAllIfAbsent(request, NOW.plusSeconds(1))).isFalse();
        assertThat(store.recordIfAbsent(fresh, NOW.plusSeconds(600), NOW.plusSeconds(2)))
                .as("nothing of the refused batch was stored").isTrue();

        Map<String, Instant> next = new LinkedHashMap<>();
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        next.put(a, NOW.plusSeconds(600));
        next.put(b, NOW.plusSeconds(600));
        assertThat(store.recordAllIfAbsent(next, NOW)).isTrue();
        assertThat(store.recordIfAbsent(a, NOW.plusSeconds(600), NOW)).isFalse();
        assertThat(store.recordIfAbsent(b, NOW.plusSeconds(600), NOW)).isFalse();
    }

    @DatabaseTest
    void anExpiredIdOfABatchIsFreedForIt(TestDatabase db) {
        JdbcReplayStore store = new JdbcReplayStore(db.dataSource());
        String key = "k-" + UUID.randomUUID();
        assertThat(store.recordIfAbsent(key, NOW.plusSeconds(60), NOW)).isTrue();
        assertThat(store.recordAllIfAbsent(Map.of(key, NOW.plusSeconds(600)), NOW.plusSeconds(61))).isTrue();
        assertThat(store.recordAllIfAbsent(Map.of(key, NOW.plusSeconds(600)), NOW.plusSeconds(62))).isFalse();
    }

    @DatabaseTest
    void aReplayedAssertionUnderAFreshMessageIdIsNamedOnAnotherNode(TestDatabase db) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ReplayGuard nodeA = new CachingReplayGuard(new JdbcReplayStore(db.dataSource()), clock, 1_000);
        ReplayGuard nodeB = new CachingReplayGuard(new JdbcReplayStore(db.dataSource()), clock, 1_000);
        String hcp = "assertion:_" + UUID.randomUUID();
        String trc = "assertion:_" + UUID.randomUUID();
        Instant until = NOW.plus(Duration.ofHours(4));
        assertThat(nodeA.firstUseOfAll(List.of(new ReplayGuard.Use("message:" + UUID.randomUUID(), until),
                new ReplayGuard.Use(hcp, until), new ReplayGuard.Use(trc, until)))).isEmpty();

        String secondMessage = "message:" + UUID.randomUUID();
        assertThat(nodeB.firstUseOfAll(List.of(new ReplayGuard.Use(secondMessage, until),
                new ReplayGuard.Use(hcp, until), new ReplayGuard.Use(trc, until)))).isEqualTo(OptionalInt.of(1));
        assertThat(nodeA.firstUse(secondMessage, until)).as("the message id is burnt, as one by one did").isFalse();
    }

    @DatabaseTest
    void concurrentBatchesSharingAnIdOnTwoNodesLetExactlyOneThrough(TestDatabase db) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ReplayGuard nodeA = new CachingReplayGuard(new JdbcReplayStore(db.dataSource()), clock, 1_000);
        ReplayGuard nodeB = new CachingReplayGuard(new JdbcReplayStore(db.dataSource()), clock, 1_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                String assertion = "assertion:" + UUID.randomUUID();
                List<Callable<Boolean>> attempts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    ReplayGuard node = i % 2 == 0 ? nodeA : nodeB;
                    List<ReplayGuard.Use> uses = List.of(
                            new ReplayGuard.Use("message:" + UUID.randomUUID(), NOW.plusSeconds(600)),
                            new ReplayGuard.Use(assertion, NOW.plusSeconds(600)));
                    attempts.add(() -> node.firstUseOfAll(uses).isEmpty());
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

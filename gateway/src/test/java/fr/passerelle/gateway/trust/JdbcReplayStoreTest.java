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
import java.util.function.BiPredicate;

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
        TwoNodes nodes = TwoNodes.on(db);
        String id = "assertion:_" + UUID.randomUUID();
        assertThat(nodes.a().firstUse(id, NOW.plus(Duration.ofHours(4)))).isTrue();
        assertThat(nodes.b().firstUse(id, NOW.plus(Duration.ofHours(4)))).isFalse();
        assertThat(nodes.a().firstUse(id, NOW.plus(Duration.ofHours(4)))).isFalse();
    }

    @DatabaseTest
    void concurrentFirstUsesOnTwoNodesLetExactlyOneThrough(TestDatabase db) throws Exception {
        TwoNodes.on(db).letExactlyOneOfFourConcurrentAttemptsThrough("message:",
                (node, id) -> node.firstUse(id, NOW.plusSeconds(600)));
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
        TwoNodes nodes = TwoNodes.on(db);
        String hcp = "assertion:_" + UUID.randomUUID();
        String trc = "assertion:_" + UUID.randomUUID();
        Instant until = NOW.plus(Duration.ofHours(4));
        assertThat(nodes.a().firstUseOfAll(List.of(new ReplayGuard.Use("message:" + UUID.randomUUID(), until),
                new ReplayGuard.Use(hcp, until), new ReplayGuard.Use(trc, until)))).isEmpty();

        String secondMessage = "message:" + UUID.randomUUID();
        assertThat(nodes.b().firstUseOfAll(List.of(new ReplayGuard.Use(secondMessage, until),
                new ReplayGuard.Use(hcp, until), new ReplayGuard.Use(trc, until)))).isEqualTo(OptionalInt.of(1));
        assertThat(nodes.a().firstUse(secondMessage, until)).as("the message id is burnt, as one by one did").isFalse();
    }

    @DatabaseTest
    void concurrentBatchesSharingAnIdOnTwoNodesLetExactlyOneThrough(TestDatabase db) throws Exception {
        // Each attempt is a request of its own (a fresh message id) carrying the round's assertion.
        TwoNodes.on(db).letExactlyOneOfFourConcurrentAttemptsThrough("assertion:",
                (node, assertion) -> node.firstUseOfAll(List.of(
                        new ReplayGuard.Use("message:" + UUID.randomUUID(), NOW.plusSeconds(600)),
                        new ReplayGuard.Use(assertion, NOW.plusSeconds(600)))).isEmpty());
    }

    /** Two nodes, each with its own cache in front of the one database, at a fixed {@link #NOW}. */
    private record TwoNodes(ReplayGuard a, ReplayGuard b) {

        static TwoNodes on(TestDatabase db) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            return new TwoNodes(new CachingReplayGuard(new JdbcReplayStore(db.dataSource()), clock, 1_000),
                    new CachingReplayGuard(new JdbcReplayStore(db.dataSource()), clock, 1_000));
        }

        /**
         * Twenty rounds, each a fresh id ({@code prefix} and a UUID) tried four times at once, the attempts alternating
         * between the nodes: exactly one attempt a round must succeed.
         */
        void letExactlyOneOfFourConcurrentAttemptsThrough(String prefix, BiPredicate<ReplayGuard, String> attempt)
                throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (int round = 0; round < 20; round++) {
                    String id = prefix + UUID.randomUUID();
                    List<Callable<Boolean>> attempts = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        ReplayGuard node = i % 2 == 0 ? a : b;
                        attempts.add(() -> attempt.test(node, id));
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
}

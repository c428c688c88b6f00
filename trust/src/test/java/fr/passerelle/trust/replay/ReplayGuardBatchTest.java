package fr.passerelle.trust.replay;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.trust.ReplayTestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The ids of one request recorded in one store round trip: the same verdicts, and the same ids recorded, as
 * {@link ReplayGuard#firstUse} called for each id in turn.
 */
class ReplayGuardBatchTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(1));

    private final ReplayTestClock clock = new ReplayTestClock(NOW);
    private final InMemoryReplayStore shared = new InMemoryReplayStore();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger singles = new AtomicInteger();

    /** The shared store, counting how the guard reaches it. */
    private final ReplayStore counting = new ReplayStore() {
        @Override
        public boolean recordIfAbsent(String key, Instant expiresAt, Instant now) {
            singles.incrementAndGet();
            return shared.recordIfAbsent(key, expiresAt, now);
        }

        @Override
        public boolean recordAllIfAbsent(Map<String, Instant> keys, Instant now) {
            batches.incrementAndGet();
            return shared.recordAllIfAbsent(keys, now);
        }
    };

    private static List<ReplayGuard.Use> uses(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> new ReplayGuard.Use(id, LATER)).toList();
    }

    @Test
    void freshIdsGoToTheStoreInOneCallAndAreAllRecorded() {
        ReplayGuard node = new CachingReplayGuard(counting, clock, 100);
        assertThat(node.firstUseOfAll(uses("message:m1", "assertion:h1", "assertion:t1"))).isEmpty();
        assertThat(batches).hasValue(1);
        assertThat(singles).hasValue(0);

        ReplayGuard otherNode = new CachingReplayGuard(shared, clock, 100);
        assertThat(otherNode.firstUse("message:m1", LATER)).isFalse();
        assertThat(otherNode.firstUse("assertion:h1", LATER)).isFalse();
        assertThat(otherNode.firstUse("assertion:t1", LATER)).isFalse();
        assertThat(node.firstUseOfAll(uses("message:m2", "assertion:h1"))).as("known on this node").hasValue(1);
    }

    @Test
    void aReplayedIdInTheMiddleIsNamedAndRecordsWhatOneByOneWould() {
        new CachingReplayGuard(shared, clock, 100).firstUse("assertion:h1", LATER);
        ReplayGuard node = new CachingReplayGuard(counting, clock, 100);

        assertThat(node.firstUseOfAll(uses("message:m1", "assertion:h1", "assertion:t1"))).isEqualTo(OptionalInt.of(1));

        ReplayGuard probe = new CachingReplayGuard(shared, clock, 100);
        assertThat(probe.firstUse("message:m1", LATER)).as("recorded before the replayed id").isFalse();
        assertThat(probe.firstUse("assertion:t1", LATER)).as("not recorded after it").isTrue();
    }

    @Test
    void theSameIdTwiceInOneRequestIsAReplay() {
        ReplayGuard node = new CachingReplayGuard(counting, clock, 100);
        assertThat(node.firstUseOfAll(uses("assertion:a", "assertion:a"))).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void anExpiredIdIsFreeAgainInABatch() {
        ReplayGuard node = new CachingReplayGuard(counting, clock, 100);
        assertThat(node.firstUseOfAll(List.of(new ReplayGuard.Use("message:m1", NOW.plusSeconds(60))))).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(new CachingReplayGuard(counting, clock, 100).firstUseOfAll(uses("message:m1"))).isEmpty();
        assertThat(node.firstUseOfAll(uses("message:m1"))).as("now used again until LATER").hasValue(0);
    }

    @Test
    void aStoreThatCannotStoreSeveralAtOnceIsUsedOneByOne() {
        ReplayStore singlesOnly = shared::recordIfAbsent;
        ReplayGuard node = new CachingReplayGuard(singlesOnly, clock, 100);
        assertThat(node.firstUseOfAll(uses("message:m1", "assertion:h1"))).isEmpty();
        assertThat(new CachingReplayGuard(shared, clock, 100).firstUse("assertion:h1", LATER)).isFalse();
    }
}

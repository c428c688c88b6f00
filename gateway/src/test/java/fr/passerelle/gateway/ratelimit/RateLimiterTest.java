package fr.passerelle.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** An in-memory counter that records every key it was asked about. */
    static final class MemoryCounter implements WindowCounter {
        final Map<String, Long> counts = new ConcurrentHashMap<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public synchronized long hit(String key, long windowStart) {
            asked.add(key + "@" + windowStart);
            return counts.merge(key + "@" + windowStart, 1L, Long::sum);
        }
    }

    static final class SettableClock extends Clock {
        Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static RateLimitProperties properties(int defaultLimit, Map<String, Integer> countries) {
        return new RateLimitProperties(true, Duration.ofSeconds(10), defaultLimit, countries,
                RateLimitProperties.KeyBy.COUNTRY);
    }

    private final MemoryCounter counter = new MemoryCounter();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:03Z"));

    @Test
    void letsTheLimitThroughThenRefusesUntilTheWindowEnds() {
        RateLimiter limiter = new RateLimiter(properties(3, Map.of()), counter, clock);

        assertThat(limiter.acquire("ES", "ES")).isEqualTo(new RateDecision.Allowed(2));
        assertThat(limiter.acquire("ES", "ES")).isEqualTo(new RateDecision.Allowed(1));
        assertThat(limiter.acquire("ES", "ES")).isEqualTo(new RateDecision.Allowed(0));
        RateDecision fourth = limiter.acquire("ES", "ES");

        assertThat(fourth).isInstanceOf(RateDecision.Exceeded.class);
        RateDecision.Exceeded exceeded = (RateDecision.Exceeded) fourth;
        assertThat(exceeded.limit()).isEqualTo(3);
        assertThat(exceeded.key()).isEqualTo("country:ES");
        // 10:00:03 in the window [10:00:00, 10:00:10): seven seconds to wait.
        assertThat(exceeded.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(exceeded.retryAfterSeconds()).isEqualTo(7);

        clock.now = Instant.parse("2026-11-23T10:00:10Z");
        assertThat(limiter.acquire("ES", "ES")).isEqualTo(new RateDecision.Allowed(2));
    }

    @Test
    void anotherCountryHasItsOwnQuota() {
        RateLimiter limiter = new RateLimiter(properties(1, Map.of()), counter, clock);

        assertThat(limiter.acquire("ES", "ES")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(limiter.acquire("ES", "ES")).isInstanceOf(RateDecision.Exceeded.class);

        assertThat(limiter.acquire("IT", "IT")).isInstanceOf(RateDecision.Allowed.class);
    }

    @Test
    void perCountryOverrideReplacesTheDefaultWhateverTheCase() {
        RateLimiter limiter = new RateLimiter(properties(1, Map.of("de", 2)), counter, clock);

        assertThat(limiter.acquire("DE", "DE")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(limiter.acquire("DE", "DE")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(limiter.acquire("DE", "DE")).isInstanceOf(RateDecision.Exceeded.class);
    }

    @Test
    void aZeroLimitBlocksWithoutTouchingTheCounter() {
        RateLimiter limiter = new RateLimiter(properties(5, Map.of("XK", 0)), counter, clock);

        assertThat(limiter.acquire("XK", "XK")).isInstanceOf(RateDecision.Exceeded.class);
        assertThat(counter.asked).isEmpty();
    }

    @Test
    void disabledLimiterLetsEverythingThroughWithoutCounting() {
        RateLimiter limiter = new RateLimiter(new RateLimitProperties(false, Duration.ofSeconds(1), 0, Map.of(),
                RateLimitProperties.KeyBy.COUNTRY), counter, clock);

        assertThat(limiter.acquire("ES", "ES")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(counter.asked).isEmpty();
    }

    @Test
    void byCountryBothRoadsShareOneQuotaAndByNcpEachHasItsOwn() {
        RateLimiter byCountry = new RateLimiter(properties(1, Map.of()), counter, clock);
        assertThat(byCountry.acquire("ES", "ES")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(byCountry.acquire("ES", "fhir:ES")).isInstanceOf(RateDecision.Exceeded.class);

        RateLimiter byNcp = new RateLimiter(new RateLimitProperties(true, Duration.ofSeconds(10), 1, Map.of(),
                RateLimitProperties.KeyBy.NCP), new MemoryCounter(), clock);
        assertThat(byNcp.acquire("ES", "ES")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(byNcp.acquire("ES", "fhir:ES")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(byNcp.acquire("ES", "fhir:ES")).isInstanceOf(RateDecision.Exceeded.class);
    }

    @Test
    void aLongNcpNameIsCountedUnderItsDigestSoTheKeyFitsItsColumn() {
        RateLimiter byNcp = new RateLimiter(new RateLimitProperties(true, Duration.ofSeconds(10), 1, Map.of(),
                RateLimitProperties.KeyBy.NCP), counter, clock);

        String key = byNcp.key("ES", "x".repeat(1000));

        assertThat(key).startsWith("ncp:ES:").hasSizeLessThanOrEqualTo(256);
        assertThat(byNcp.key("ES", "x".repeat(1000))).isEqualTo(key);
    }

    @Test
    void windowsAreAlignedOnTheEpochSoEveryNodeCountsInTheSameRow() {
        RateLimiter limiter = new RateLimiter(properties(5, Map.of()), counter, clock);

        limiter.acquire("ES", "ES");

        long start = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();
        assertThat(counter.asked).containsExactly("country:ES@" + start);
    }

    @Test
    void badSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> new RateLimitProperties(true, Duration.ZERO, 1, Map.of(), null))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new RateLimitProperties(true, Duration.ofSeconds(1), -1, Map.of(), null))
                .hasMessageContaining("default-limit");
        assertThatThrownBy(() -> new RateLimitProperties(true, Duration.ofSeconds(1), 1, Map.of("ES", -2), null))
                .hasMessageContaining("countries.ES");
    }
}

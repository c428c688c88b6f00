package fr.passerelle.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two limiters, each on its own connection pool as two gateway nodes would be, share one database: under
 * concurrent calls from both, exactly the configured number of requests gets through per window, and every hit
 * got its own count.
 */
class JdbcWindowCounterTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    /** The second node: its own pool on the same database. */
    private static HikariDataSource secondNode(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.username());
        config.setPassword("");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    @DatabaseTest
    void twoNodesShareTheQuotaExactlyUnderConcurrentCalls(TestDatabase database) throws Exception {
        int limit = 150;
        String country = "Q" + (char) ('A' + database.engine().ordinal());
        RateLimitProperties properties = new RateLimitProperties(true, Duration.ofMinutes(1), limit, Map.of(),
                RateLimitProperties.KeyBy.COUNTRY);
        try (HikariDataSource second = secondNode(database)) {
            JdbcWindowCounter counterA = new JdbcWindowCounter(database.dataSource(), 120_000);
            JdbcWindowCounter counterB = new JdbcWindowCounter(second, 120_000);
            List<Long> counts = Collections.synchronizedList(new ArrayList<>());
            WindowCounter recordingA = (key, start) -> record(counts, counterA.hit(key, start));
            WindowCounter recordingB = (key, start) -> record(counts, counterB.hit(key, start));
            RateLimiter nodeA = new RateLimiter(properties, recordingA, FIXED);
            RateLimiter nodeB = new RateLimiter(properties, recordingB, FIXED);
            AtomicInteger allowed = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            int threadsPerNode = 4;
            int callsPerThread = 50;
            ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerNode);
            try {
                List<Callable<Void>> tasks = new ArrayList<>();
                for (RateLimiter node : List.of(nodeA, nodeB)) {
                    for (int t = 0; t < threadsPerNode; t++) {
                        tasks.add(() -> {
                            for (int i = 0; i < callsPerThread; i++) {
                                if (node.acquire(country, country) instanceof RateDecision.Allowed) {
                                    allowed.incrementAndGet();
                                } else {
                                    refused.incrementAndGet();
                                }
                            }
                            return null;
                        });
                    }
                }
                for (Future<Void> done : pool.invokeAll(tasks)) {
                    done.get();
                }
            } finally {
                pool.shutdownNow();
            }

            int total = 2 * threadsPerNode * callsPerThread;
            assertThat(allowed.get()).isEqualTo(limit);
            assertThat(refused.get()).isEqualTo(total - limit);
            // Every hit, whichever node made it, got a distinct count: no two requests read the same value.
            assertThat(counts).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(JdbcClient.create(database.dataSource())
                    .sql("SELECT hits FROM rate_limit_window WHERE limit_key = ?").param("country:" + country)
                    .query(Long.class).single()).isEqualTo(total);
        }
    }

    @DatabaseTest
    void windowsAndKeysAreCountedApartAndPastWindowsPurged(TestDatabase database) {
        JdbcWindowCounter counter = new JdbcWindowCounter(database.dataSource(), 60_000);
        String key = "country:W" + (char) ('A' + database.engine().ordinal());

        assertThat(counter.hit(key, 0)).isEqualTo(1);
        assertThat(counter.hit(key, 0)).isEqualTo(2);
        assertThat(counter.hit(key, 60_000)).isEqualTo(1);
        assertThat(counter.hit(key + "x", 60_000)).isEqualTo(1);

        assertThat(counter.purgeBefore(60_000)).isEqualTo(1);
        assertThat(counter.hit(key, 0)).isEqualTo(1);
        assertThat(counter.hit(key, 60_000)).isEqualTo(2);
    }

    private static long record(List<Long> counts, long count) {
        counts.add(count);
        return count;
    }
}

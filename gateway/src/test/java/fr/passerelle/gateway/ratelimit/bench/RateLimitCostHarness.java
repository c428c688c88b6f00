package fr.passerelle.gateway.ratelimit.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.passerelle.gateway.ratelimit.JdbcWindowCounter;
import fr.passerelle.gateway.ratelimit.RateDecision;
import fr.passerelle.gateway.ratelimit.RateLimitProperties;
import fr.passerelle.gateway.ratelimit.RateLimiter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;

/**
 * The cost of one {@link RateLimiter#acquire} on the shared counters, over loopback to the database as a gateway
 * node sees it: latency of one call alone (p50/p99 and the CPU it costs the calling thread), and throughput with
 * 8 and 32 concurrent callers on one hot key (one country sending everything: every call updates the same row)
 * and spread over 20 keys (20 countries). The limit is set out of reach so every call counts.
 *
 * <p>Usage: {@code RateLimitCostHarness [seconds per level, default 5] [jdbc url…]}; with no URL it measures a
 * fresh H2 file database (the embedded default) and, when {@code PASSERELLE_TEST_POSTGRES_URL} is set, a fresh
 * schema in that PostgreSQL database.
 */
public final class RateLimitCostHarness {

    private RateLimitCostHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> urls = new ArrayList<>(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        if (urls.isEmpty()) {
            Path dir = Files.createTempDirectory("ratelimit-bench");
            urls.add("jdbc:h2:file:" + dir.resolve("db")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            String postgres = System.getenv("PASSERELLE_TEST_POSTGRES_URL");
            if (postgres != null && !postgres.isBlank()) {
                urls.add(postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=ratelimit_bench_"
                        + System.currentTimeMillis());
            }
        }
        System.out.printf("%-10s | %-28s | %10s | %10s | %10s | %12s%n", "engine", "scenario", "calls/s", "p50 µs",
                "p99 µs", "CPU µs/call");
        for (String url : urls) {
            measure(url, seconds);
        }
    }

    private static void measure(String url, int seconds) throws Exception {
        String engine = url.startsWith("jdbc:h2") ? "H2 file" : "PostgreSQL";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(url.startsWith("jdbc:h2") ? "sa" : "postgres");
        config.setPassword("");
        config.setMaximumPoolSize(40);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            String schema = url.contains("currentSchema=") ? url.substring(url.indexOf("currentSchema=") + 14) : null;
            var flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration");
            if (schema != null) {
                flyway.schemas(schema).createSchemas(true);
            }
            flyway.load().migrate();
            RateLimiter limiter = new RateLimiter(new RateLimitProperties(true, Duration.ofSeconds(1),
                    Integer.MAX_VALUE, Map.of(), RateLimitProperties.KeyBy.COUNTRY),
                    new JdbcWindowCounter(pool, 2_000), Clock.systemUTC());
            run(engine, "warm-up", limiter, 4, 1, seconds);
            run(engine, "1 caller, 1 key", limiter, 1, 1, seconds);
            run(engine, "8 callers, 1 hot key", limiter, 8, 1, seconds);
            run(engine, "32 callers, 1 hot key", limiter, 32, 1, seconds);
            run(engine, "32 callers, 20 keys", limiter, 32, 20, seconds);
            if (schema != null) {
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static void run(String engine, String scenario, RateLimiter limiter, int callers, int keys,
                            int seconds) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong cpu = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Callable<long[]>> tasks = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            String country = "K" + (char) ('A' + c % keys) + (keys == 1 ? "" : "x");
            tasks.add(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                long cpuStart = threads.getCurrentThreadCpuTime();
                while (System.nanoTime() < end && n < latencies.length) {
                    long start = System.nanoTime();
                    if (!(limiter.acquire(country, country) instanceof RateDecision.Allowed)) {
                        throw new IllegalStateException("the limit is out of reach: nothing may be refused");
                    }
                    latencies[n++] = System.nanoTime() - start;
                }
                cpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
                return Arrays.copyOf(latencies, n);
            });
        }
        List<long[]> results = new ArrayList<>();
        long started = System.nanoTime();
        for (Future<long[]> result : pool.invokeAll(tasks)) {
            results.add(result.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] all = results.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (scenario.equals("warm-up")) {
            return;
        }
        System.out.printf("%-10s | %-28s | %10.0f | %10.0f | %10.0f | %12.1f%n", engine, scenario,
                all.length / elapsed, all[all.length / 2] / 1e3, all[(int) (all.length * 0.99)] / 1e3,
                cpu.get() / 1e3 / all.length);
    }
}

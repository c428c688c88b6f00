package fr.passerelle.gateway.audit.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.passerelle.gateway.audit.AuditChainVerifier;
import fr.passerelle.gateway.audit.AuditFixtures;
import fr.passerelle.gateway.audit.AuditProperties;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.audit.ChainVerification;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Appends per second through {@link AuditTrail#record} outside any transaction (the read roads), with the group
 * commit off (one commit per record, as before) and on, for 1, 8 and 32 concurrent callers, on a real database
 * (PostgreSQL is where the per-commit disk flush matters). Each run starts from an empty trail in its own schema and
 * ends with a full chain verification. Not a unit test: run on demand.
 *
 * <p>{@code java -cp … fr.passerelle.gateway.audit.bench.GroupCommitHarness jdbc:postgresql://127.0.0.1:5432/db
 * [seconds per run, default 15] [callers, default 1,8,32]}
 */
public final class GroupCommitHarness {

    private GroupCommitHarness() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/audit";
        Duration run = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 15);
        List<Integer> callerCounts = args.length > 2
                ? Arrays.stream(args[2].split(",")).map(Integer::valueOf).toList() : List.of(1, 8, 32);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=audit_bench");
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(40);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Flyway.configure().dataSource(pool).schemas("audit_bench").createSchemas(true)
                    .locations("classpath:db/migration").load().migrate();
            System.out.printf("%-6s %7s %10s %9s %9s %11s%n", "mode", "callers", "appends/s", "p50 ms", "p99 ms",
                    "mean batch");
            for (int callers : callerCounts) {
                for (boolean grouped : List.of(false, true)) {
                    measure(pool, grouped, callers, run);
                }
            }
        }
    }

    private static void measure(HikariDataSource pool, boolean grouped, int callers, Duration run) throws Exception {
        AuditFixtures.reset(pool);
        MeterRegistry meters = new SimpleMeterRegistry();
        AuditTrail trail = new AuditTrail(pool, new DataSourceTransactionManager(pool), event -> { },
                AuditFixtures.atna(true, 6514), new AuditProperties(Duration.ofDays(3650), Duration.ofHours(6),
                        new AuditProperties.Batch(grouped, 64, 4096, Duration.ofSeconds(30))),
                Clock.systemUTC(),
                new StaticListableBeanFactory(Map.of("meters", meters)).getBeanProvider(MeterRegistry.class));
        // A short warm-up so the JIT and the pool do not count against the first configuration.
        long warmEnd = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < warmEnd) {
            trail.record(AuditFixtures.granted("warm"));
        }
        double commitsBefore = count(meters, "passerelle.audit.group.commits");
        double recordsBefore = count(meters, "passerelle.audit.group.records");
        ExecutorService pool2 = Executors.newFixedThreadPool(callers);
        long end = System.nanoTime() + run.toNanos();
        long start = System.nanoTime();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            results.add(pool2.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    long t0 = System.nanoTime();
                    trail.record(AuditFixtures.granted("bench." + caller + "." + n));
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            for (long l : f.get()) {
                all.add(l);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool2.shutdown();
        trail.destroy();
        all.sort(null);
        double commits = count(meters, "passerelle.audit.group.commits") - commitsBefore;
        double records = count(meters, "passerelle.audit.group.records") - recordsBefore;
        ChainVerification verdict = new AuditChainVerifier(pool).verify();
        if (!(verdict instanceof ChainVerification.Intact)) {
            throw new IllegalStateException("chain broken after the run: " + verdict);
        }
        System.out.printf(Locale.ROOT, "%-6s %7d %10.0f %9.2f %9.2f %11s%n", grouped ? "group" : "single", callers,
                all.size() / seconds, all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6,
                grouped ? String.format(Locale.ROOT, "%.1f", records / commits) : "1");
    }

    /** A group commit counter, 0 when the group commit is off (its meters are not registered then). */
    private static double count(MeterRegistry meters, String name) {
        var counter = meters.find(name).functionCounter();
        return counter == null ? 0 : counter.count();
    }
}

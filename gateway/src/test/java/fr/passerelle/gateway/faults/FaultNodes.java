package fr.passerelle.gateway.faults;

import fr.passerelle.gateway.load.GatewayProcess;
import fr.passerelle.trust.issue.DemoPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Starts gateway nodes from the packaged jar on a shared PostgreSQL, all trusting one demo PKI. */
final class FaultNodes {

    private FaultNodes() {
    }

    /**
     * Where the nodes' data folders and logs go: {@code -Dpasserelle.faults.dir} (failsafe sets it under the build
     * folder, so a failed CI run keeps the nodes' logs), else a temporary folder.
     */
    static Path home(String test) throws IOException {
        String configured = System.getProperty("passerelle.faults.dir");
        Path home = configured != null
                ? Path.of(configured).resolve(test + "-" + System.currentTimeMillis())
                : Files.createTempDirectory("passerelle-" + test);
        return Files.createDirectories(home);
    }

    static GatewayProcess start(Path home, String name, DemoPki pki, String jdbcUrl) throws IOException {
        return GatewayProcess.start(GatewayProcess.packagedJar(), home.resolve(name), pki,
                List.of("-Xmx512m"),
                List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
                        "--logging.level.root=WARN"),
                // Seconds on an idle machine; minutes when the 2 cores are shared with several builds.
                Duration.ofMinutes(6));
    }

    /**
     * Starts the named nodes at the same time (the schema migration and the demo seeding are safe against
     * concurrent starts: Flyway's lock, the seeder's claim row). If one fails, the others are stopped.
     */
    static List<GatewayProcess> startAll(Path home, DemoPki pki, String jdbcUrl, String... names) {
        List<java.util.concurrent.CompletableFuture<GatewayProcess>> starting = java.util.Arrays.stream(names)
                .map(name -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return start(home, name, pki, jdbcUrl);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })).toList();
        List<GatewayProcess> started = new java.util.ArrayList<>();
        RuntimeException failure = null;
        for (var future : starting) {
            try {
                started.add(future.join());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            started.forEach(GatewayProcess::kill);
            throw failure;
        }
        return started;
    }

    /**
     * Sends load until every node has answered a success: a node's first requests (cold JIT, empty caches) can take
     * seconds on a shared machine, and the test's timeline must start with every node serving.
     */
    static void warmUp(fr.passerelle.gateway.load.Driver driver, int nodes) throws InterruptedException {
        java.util.Set<Integer> served = new java.util.HashSet<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (served.size() < nodes && System.nanoTime() < deadline) {
            driver.closedLoop(2 * nodes, Duration.ofSeconds(3), true).samples().stream()
                    .filter(s -> s.outcome() == fr.passerelle.gateway.load.Outcome.SUCCESS)
                    .forEach(s -> served.add(s.node()));
        }
        if (served.size() < nodes) {
            throw new IllegalStateException("only nodes " + served + " answered a success during the warm-up");
        }
    }
}

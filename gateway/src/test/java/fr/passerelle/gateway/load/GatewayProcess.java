package fr.passerelle.gateway.load;

import fr.passerelle.trust.issue.DemoPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One gateway node: a child JVM running the packaged jar on a free loopback port, with its own data folder holding
 * the shared demo PKI (so every node trusts the same signer), its log in {@code <data-dir>/gateway.log}. Consent
 * defaults to all participating countries so load requests are granted without a consent step per patient.
 */
public final class GatewayProcess implements AutoCloseable {

    /** The demo key store's password, public by design (see gateway.trust.DemoTrustSeed): it vouches for nobody. */
    static final char[] DEMO_PKI_PASSWORD = "passerelle-demo".toCharArray();
    public static final String HOME_COMMUNITY = "1.2.250.1.213.4.1.99";

    private final Process process;
    private final int port;
    private final Path dataDir;

    private GatewayProcess(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** The packaged jar: {@code -Dpasserelle.jar}, else {@code gateway/target/passerelle.jar} from the working folder. */
    public static Path packagedJar() {
        String configured = System.getProperty("passerelle.jar");
        Path jar = configured != null ? Path.of(configured)
                : Files.exists(Path.of("target/passerelle.jar")) ? Path.of("target/passerelle.jar")
                : Path.of("gateway/target/passerelle.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged gateway at " + jar.toAbsolutePath()
                    + " (build it with ./mvnw -pl gateway -am package, or pass -Dpasserelle.jar)");
        }
        return jar;
    }

    /** A demo PKI for ES, IT and DE, valid two days: generate once, give to every node and to the load driver. */
    public static DemoPki demoPki() {
        return DemoPki.generate(java.time.Instant.now(), Duration.ofDays(2), List.of("ES", "IT", "DE"));
    }

    /**
     * Starts a node and waits until {@code /actuator/health} answers UP.
     *
     * @param extraArguments Spring arguments, e.g. {@code --spring.profiles.active=postgres}
     */
    public static GatewayProcess start(Path jar, Path dataDir, DemoPki pki, List<String> jvmOptions,
                                       List<String> extraArguments, Duration startTimeout) throws IOException {
        Files.createDirectories(dataDir);
        Path keyStore = dataDir.resolve("demo-pki").resolve("demo-pki.p12");
        if (!Files.exists(keyStore)) {
            pki.save(keyStore, DEMO_PKI_PASSWORD);
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.add("--passerelle.data-dir=" + dataDir.toAbsolutePath());
        command.add("--passerelle.soap.home-community-id=" + HOME_COMMUNITY);
        command.add("--passerelle.consent.default-access=all-participating-countries");
        command.addAll(extraArguments);
        Path log = dataDir.resolve("gateway.log");
        Process process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        GatewayProcess node = new GatewayProcess(process, port, dataDir);
        // A test or harness JVM stopped early must not leave its nodes running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "gateway-node-stop"));
        node.awaitUp(startTimeout);
        return node;
    }

    private void awaitUp(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The gateway exited with " + process.exitValue() + " while starting; "
                        + "log tail:\n" + logTail(40));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The gateway was not UP within " + timeout + "; log tail:\n" + logTail(40));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful drain, open transactions abandoned mid-way. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM with the gateway's graceful shutdown, SIGKILL if it takes longer than the timeout. */
    public void stop(Duration timeout) {
        process.destroy();
        if (!waitFor(timeout)) {
            kill();
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of the node's log, for a failing test's message. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(dataDir.resolve("gateway.log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Lines of the node's log that contain {@code text}. */
    public List<String> logLines(String text) {
        try (var lines = Files.lines(dataDir.resolve("gateway.log"), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    public Optional<Integer> exitValue() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(20));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

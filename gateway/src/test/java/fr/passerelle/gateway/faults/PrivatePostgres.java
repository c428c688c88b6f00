package fr.passerelle.gateway.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of the test's own — initdb and pg_ctl from {@code /usr/lib/postgresql/<version>/bin} into a
 * temporary folder, listening on a free loopback port — so a test can stop and restart it without touching the
 * machine's shared server that other tests use. PostgreSQL refuses to run as root, so when the tests run as root
 * the cluster belongs to the {@code postgres} OS user ({@code runuser}). Without the binaries the test is skipped,
 * unless {@code PASSERELLE_TEST_POSTGRES=required} (CI), where it fails.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path home;
    private final int port;
    private final boolean asPostgresUser;
    private final Thread onExit = new Thread(this::stopQuietly, "private-postgres-stop");

    private PrivatePostgres(Path bin, Path home, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.home = home;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Creates, starts and returns a cluster with a database {@code passerelle}, or skips / fails without one. */
    static PrivatePostgres start() throws IOException, InterruptedException {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            String message = "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (initdb, pg_ctl)";
            if ("required".equals(System.getenv("PASSERELLE_TEST_POSTGRES"))) {
                throw new IllegalStateException(message + " and PASSERELLE_TEST_POSTGRES=required");
            }
            Assumptions.abort("PostgreSQL fault test skipped: " + message + " (apt-get install postgresql)");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path home = Files.createTempDirectory("passerelle-faults-pg");
        PrivatePostgres postgres = new PrivatePostgres(bin.get(), home, freePort(), root);
        if (root) {
            postgres.run(Duration.ofSeconds(30), false, "chown", "-R", "postgres:postgres", home.toString());
        }
        postgres.pg(Duration.ofMinutes(2), "initdb", "-D", postgres.data().toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-sync");
        postgres.startServer();
        // A test JVM stopped mid-test (Ctrl-C, fork timeout) skips close(): stop the cluster on the way out anyway.
        Runtime.getRuntime().addShutdownHook(postgres.onExit);
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "")) {
            connection.createStatement().execute("CREATE DATABASE passerelle");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database", e);
        }
        return postgres;
    }

    String jdbcUrl() {
        return jdbcUrl("passerelle");
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server and waits until it accepts connections. */
    void startServer() throws IOException, InterruptedException {
        // fsync off: this throwaway cluster is never crashed at the OS level, and the shared 2-core machine is slow
        // enough without it. The socket lives in the cluster's folder, the port is the test's own.
        pg(Duration.ofMinutes(1), "pg_ctl", "-D", data().toString(), "-l", home.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c max_connections=100", "start");
    }

    /** Stops the server: {@code immediate} aborts every backend like a crash, {@code fast} rolls them back. */
    void stopServer(String mode) throws IOException, InterruptedException {
        pg(Duration.ofMinutes(1), "pg_ctl", "-D", data().toString(), "-m", mode, "-w", "stop");
    }

    private Path data() {
        return home.resolve("data");
    }

    private void stopQuietly() {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                stopServer("immediate");
            }
        } catch (Exception e) {
            // the JVM is exiting: nothing more to do
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException exiting) {
            // already shutting down: the hook does the stopping
        }
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                stopServer("immediate");
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void pg(Duration timeout, String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(timeout, asPostgresUser, command.toArray(String[]::new));
    }

    private void run(Duration timeout, boolean asPostgres, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        Path output = home.resolve("command.log");
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", full) + " did not finish within " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " exited with " + process.exitValue() + ":\n"
                    + Files.readString(output));
        }
    }

    private static Optional<Path> binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(PrivatePostgres::version));
        }
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

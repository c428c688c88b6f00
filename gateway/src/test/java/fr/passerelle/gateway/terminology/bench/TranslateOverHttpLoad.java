package fr.passerelle.gateway.terminology.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loopback load of {@code GET /fhir/ConceptMap/$translate}. Starts the gateway in its OWN JVM (same classpath) on a
 * free port, or targets a running one; for each client count it warms up, then {@code clients} threads each send
 * requests back to back on one keep-alive HTTP/1.1 connection for {@code seconds}, and prints req/s, p50/p99, the
 * gateway process's CPU per request (from {@code /proc/<pid>/stat}, so the client's CPU is not counted), the
 * req/s that CPU implies on all the machine's cores, and the load average.
 *
 * <p>The client is a plain socket writing pre-built request bytes and reading the status line, headers and body
 * (Content-Length or chunked): it costs the shared cores far less than {@code java.net.http.HttpClient}.
 *
 * <p>Args: {@code [clients=2,4,8] [seconds=20] [terminology data dir=../src/data/terminology | base URL of a
 * running gateway, e.g. http://127.0.0.1:8080] [pid of that gateway, for its CPU]}. System property
 * {@code translate.load.jvm} adds JVM options to the started gateway (space separated, e.g. a JFR recording), and
 * {@code translate.load.args} gateway arguments (e.g. {@code --passerelle.terminology.translate-cache.enabled=false}
 * to measure every request through the FHIR server); {@code -Dtranslate.load.distinct=true} makes every request
 * distinct (an ignored {@code _n} parameter), so that every one is a cache miss: the worst case.
 */
public final class TranslateOverHttpLoad {

    private static final String[][] QUERIES = {
        {"urn:oid:1.2.250.1.213.2.3.1", "62080626", "1.3.6.1.4.1.12559.11.10.1.3.1.42.24"},
        {"urn:oid:1.2.250.1.213.1.1.4.5", "G15_10/SM26", "1.3.6.1.4.1.12559.11.10.1.3.1.42.1"},
        {"http://standardterms.edqm.eu", "20053000", "1.3.6.1.4.1.12559.11.10.1.3.1.42.12"},
        {"urn:oid:2.16.840.1.113883.6.3", "E06.3", "1.3.6.1.4.1.12559.11.10.1.3.1.42.5"},
    };
    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    private TranslateOverHttpLoad() {
    }

    public static void main(String[] args) throws Exception {
        int[] clients = Arrays.stream((args.length > 0 ? args[0] : "2,4,8").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String data = args.length > 2 ? args[2] : "../src/data/terminology";
        if (data.startsWith("http")) {
            long pid = args.length > 3 ? Long.parseLong(args[3]) : -1;
            measureAll(URI.create(data), pid, clients, seconds);
            return;
        }
        Path home = Files.createTempDirectory("translate-load");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms512m", "-Xmx1g"));
        String extra = System.getProperty("translate.load.jvm", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "fr.passerelle.gateway.PasserelleApplication", "--server.port=" + port, "--passerelle.data-dir=" + home,
                "--passerelle.terminology.data-dir=" + Path.of(data).toAbsolutePath(), "--logging.level.root=WARN"));
        String gatewayArgs = System.getProperty("translate.load.args", "").strip();
        if (!gatewayArgs.isEmpty()) {
            command.addAll(List.of(gatewayArgs.split("\\s+")));
        }
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("gateway.log").toFile()).start();
        Thread stopper = new Thread(() -> stop(gateway));
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitUp(base, gateway, home);
            measureAll(base, gateway.pid(), clients, seconds);
        } finally {
            stop(gateway);
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    private static void stop(Process gateway) {
        gateway.destroy(); // SIGTERM: lets a JFR recording be dumped on exit
        try {
            if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        } catch (InterruptedException e) {
            gateway.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitUp(URI base, Process gateway, Path home) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("gateway exited; see " + home.resolve("gateway.log"));
            }
            try (Connection c = new Connection(base)) {
                if (c.get(request(base, "/actuator/health", "*/*")) == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("gateway not up after 180 s; see " + home.resolve("gateway.log"));
    }

    private static void measureAll(URI base, long pid, int[] clients, int seconds) throws Exception {
        String[] queries = new String[QUERIES.length];
        for (int i = 0; i < QUERIES.length; i++) {
            queries[i] = "/fhir/ConceptMap/$translate?system=" + QUERIES[i][0] + "&code="
                    + QUERIES[i][1].replace("/", "%2F") + "&target=" + QUERIES[i][2];
        }
        boolean distinct = Boolean.getBoolean("translate.load.distinct");
        if (distinct) {
            System.out.println("distinct requests: each carries its own &_n=…, so none is answered from a cache");
        }
        boolean first = true;
        for (int n : clients) {
            // Warm-up, not reported; the first is longer: the JIT compiles the server's road under it.
            run(base, queries, distinct, n, first ? Math.max(20, seconds) : Math.max(5, seconds / 2));
            first = false;
            double load = loadAverage();
            long cpuBefore = cpuTicks(pid);
            Result r = run(base, queries, distinct, n, seconds);
            long cpuTicks = cpuTicks(pid) - cpuBefore;
            String cpu = "server CPU n/a (no pid)";
            if (pid > 0 && r.requests > 0) {
                double cpuMsPerRequest = cpuTicks * 1000.0 / CLOCK_TICKS / r.requests;
                int cores = Runtime.getRuntime().availableProcessors();
                cpu = String.format("server CPU %.3f ms/req (%.2f cores busy) → %.0f req/s on %d cores",
                        cpuMsPerRequest, cpuTicks / (double) CLOCK_TICKS / seconds, cores * 1000 / cpuMsPerRequest,
                        cores);
            }
            System.out.printf("$translate over HTTP: %d clients, %d s: %.0f req/s, errors %d, reconnects %d, p50 %.2f ms, p99 %.2f ms, "
                            + "%s; load average %.2f before, %.2f after%n",
                    n, seconds, r.requests / (double) seconds, r.errors, r.reconnects, r.p50, r.p99, cpu, load, loadAverage());
        }
    }

    private static byte[] request(URI base, String pathAndQuery, String accept) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAccept: " + accept + "\r\nConnection: keep-alive\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static long cpuTicks(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
    }

    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    record Result(long requests, long errors, long reconnects, double p50, double p99) {
    }

    private static Result run(URI base, String[] queries, boolean distinct, int clients, int seconds)
            throws Exception {
        long runId = System.nanoTime(); // distinct across runs too
        byte[][] requests = new byte[queries.length][];
        for (int i = 0; i < queries.length; i++) {
            requests[i] = request(base, queries[i], "application/fhir+json");
        }
        AtomicBoolean stop = new AtomicBoolean();
        long[][] samples = new long[clients][];
        long[] counts = new long[clients];
        long[] errors = new long[clients];
        long[] reconnects = new long[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int me = c;
            samples[c] = new long[1_000_000];
            Thread t = new Thread(() -> {
                Connection connection = null;
                int n = 0;
                while (!stop.get()) {
                    long start = System.nanoTime();
                    try {
                        if (connection == null) {
                            connection = new Connection(base);
                        }
                        byte[] request = distinct
                                ? request(base, queries[(me + n) & 3] + "&_n=" + runId + "." + me + "." + n,
                                        "application/fhir+json")
                                : requests[(me + n) & 3];
                        if (connection.get(request) != 200) {
                            errors[me]++;
                        }
                        if (connection.closed()) {
                            connection = close(connection);
                            reconnects[me]++;
                        }
                    } catch (IOException e) {
                        errors[me]++;
                        connection = close(connection);
                    }
                    if (n < samples[me].length) {
                        samples[me][n] = System.nanoTime() - start;
                    }
                    n++;
                }
                counts[me] = n;
                close(connection);
            }, "translate-client-" + c);
            threads.add(t);
            t.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) Arrays.stream(counts).map(n -> Math.min(n, 1_000_000)).sum()];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            int n = (int) Math.min(counts[c], samples[c].length);
            System.arraycopy(samples[c], 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        return new Result(total, Arrays.stream(errors).sum(), Arrays.stream(reconnects).sum(), all.length == 0 ? 0 : all[all.length / 2] / 1e6,
                all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6);
    }

    private static Connection close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
        return null;
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the whole response, returns its status. */
    static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;
        private boolean closed;

        Connection(URI base) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        boolean closed() {
            return closed;
        }

        int get(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closes = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    closes = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            closed = closes; // Tomcat closes after server.tomcat.max-keep-alive-requests: the caller reconnects
            return status;
        }

        private boolean fill() throws IOException {
            if (start == end) {
                start = 0;
                end = 0;
            }
            if (end == buffer.length) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                throw new IOException("connection closed");
            }
            end += read;
            return true;
        }

        private String line() throws IOException {
            while (true) {
                for (int i = start; i < end - 1; i++) {
                    if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                        String line = new String(buffer, start, i - start, StandardCharsets.ISO_8859_1);
                        start = i + 2;
                        return line;
                    }
                }
                fill();
            }
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                if (start == end) {
                    fill();
                }
                int n = (int) Math.min(bytes, end - start);
                start += n;
                bytes -= n;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

package fr.passerelle.gateway.terminology.bench;

import fr.passerelle.gateway.PasserelleApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loopback load of {@code GET /fhir/ConceptMap/$translate}: starts the gateway on a free port, warms up, then
 * {@code clients} threads each send requests back to back (one keep-alive HTTP/1.1 connection each) for
 * {@code seconds}; prints requests/s and latency percentiles. Client and server share the machine's cores, so
 * the figure is a floor of what the server does alone.
 * Args: {@code [clients=8] [seconds=10] [terminology data dir=../src/data/terminology | base URL of a running
 * gateway, e.g. http://127.0.0.1:8080]}.
 */
public final class TranslateOverHttpLoad {

    private TranslateOverHttpLoad() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String data = args.length > 2 ? args[2] : "../src/data/terminology";
        if (data.startsWith("http")) {
            measure(URI.create(data), clients, seconds);
            return;
        }
        Path home = Files.createTempDirectory("translate-load");
        try (ConfigurableApplicationContext app = SpringApplication.run(PasserelleApplication.class,
                "--server.port=0", "--passerelle.data-dir=" + home, "--passerelle.terminology.data-dir=" + data,
                "--logging.level.root=WARN")) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            measure(URI.create("http://127.0.0.1:" + port), clients, seconds);
        }
    }

    private static void measure(URI base, int clients, int seconds) throws InterruptedException {
        URI[] uris = {
            uri(base, "urn:oid:1.2.250.1.213.2.3.1", "62080626", "1.3.6.1.4.1.12559.11.10.1.3.1.42.24"),
            uri(base, "urn:oid:1.2.250.1.213.1.1.4.5", "G15_10/SM26", "1.3.6.1.4.1.12559.11.10.1.3.1.42.1"),
            uri(base, "http://standardterms.edqm.eu", "20053000", "1.3.6.1.4.1.12559.11.10.1.3.1.42.12"),
            uri(base, "urn:oid:2.16.840.1.113883.6.3", "E06.3", "1.3.6.1.4.1.12559.11.10.1.3.1.42.5"),
        };
        run(uris, clients, Math.max(3, seconds / 2), false);
        Result r = run(uris, clients, seconds, true);
        System.out.printf("$translate over HTTP: %d clients, %d s: %.0f req/s, errors %d, p50 %.2f ms, p99 %.2f ms%n",
                clients, seconds, r.requests / (double) seconds, r.errors, r.p50, r.p99);
    }

    private static URI uri(URI base, String system, String code, String target) {
        return base.resolve("/fhir/ConceptMap/$translate?system=" + system + "&code="
                + code.replace("/", "%2F") + "&target=" + target);
    }

    record Result(long requests, long errors, double p50, double p99) {
    }

    private static Result run(URI[] uris, int clients, int seconds, boolean record) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] samples = new long[2_000_000];
            latencies.add(samples);
            int offset = c;
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                int n = 0;
                while (!stop.get()) {
                    HttpRequest request = HttpRequest.newBuilder(uris[(offset + n) & 3])
                            .header("Accept", "application/fhir+json").GET().build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n < samples.length) {
                        samples[n] = System.nanoTime() - start;
                    }
                    n++;
                    requests.incrementAndGet();
                }
                samples[samples.length - 1] = n;
            });
            threads.add(t);
            t.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        if (!record) {
            return new Result(requests.get(), errors.get(), 0, 0);
        }
        long total = 0;
        for (long[] s : latencies) {
            total += Math.min(s[s.length - 1], s.length - 1);
        }
        long[] all = new long[(int) total];
        int k = 0;
        for (long[] s : latencies) {
            int n = (int) Math.min(s[s.length - 1], s.length - 1);
            System.arraycopy(s, 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        return new Result(requests.get(), errors.get(), all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
    }
}

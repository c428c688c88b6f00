package fr.passerelle.gateway.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap in use, live threads and CPU time consumed so far (-1 when the page does not carry
 * {@code process_cpu_time_ns_total}) of a node, read from its {@code /actuator/prometheus} page.
 */
public record Metrics(long heapUsedBytes, long liveThreads, long cpuNanos) {

    private static final Pattern HEAP = Pattern.compile(
            "(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.eE+-]+)");
    private static final Pattern CPU = Pattern.compile(
            "(?m)^process_cpu_time_(ns|seconds)_total(\\{[^}]*\\})?\\s+([0-9.eE+-]+)");
    private static final Pattern THREADS = Pattern.compile("(?m)^jvm_threads_live_threads(\\{[^}]*\\})?\\s+([0-9.eE+-]+)");

    static Metrics scrape(HttpClient http, String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IOException("/actuator/prometheus answered " + page.statusCode());
        }
        return parse(page.body());
    }

    static Metrics parse(String page) {
        double heap = 0;
        Matcher pools = HEAP.matcher(page);
        boolean any = false;
        while (pools.find()) {
            heap += Double.parseDouble(pools.group(1));
            any = true;
        }
        Matcher threads = THREADS.matcher(page);
        if (!any || !threads.find()) {
            throw new IllegalStateException("no jvm_memory_used_bytes{area=\"heap\"} or jvm_threads_live_threads");
        }
        Matcher cpu = CPU.matcher(page);
        long cpuNanos = -1;
        if (cpu.find()) {
            double value = Double.parseDouble(cpu.group(3));
            cpuNanos = (long) (cpu.group(1).equals("ns") ? value : value * 1e9);
        }
        return new Metrics((long) heap, (long) Double.parseDouble(threads.group(2)), cpuNanos);
    }
}

package fr.passerelle.gateway.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A steady-rate run of one road against one node, sampling the node's heap in use and live threads from
 * {@code /actuator/prometheus} at a fixed interval, then judged by {@link Flatness}.
 */
public final class Soak {

    private Soak() {
    }

    public record Result(LevelResult load, List<Metrics> samples, Flatness flatness) {
    }

    public static Result run(String baseUrl, Road road, double perSecond, Duration duration, Duration sampleEvery,
                             Consumer<String> progress) throws InterruptedException {
        Driver driver = new Driver(List.of(baseUrl), road, Duration.ofSeconds(30));
        List<Metrics> samples = Collections.synchronizedList(new ArrayList<>());
        Thread sampler = new Thread(() -> {
            HttpClient http = HttpClient.newHttpClient();
            long begin = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Metrics now = Metrics.scrape(http, baseUrl);
                    samples.add(now);
                    progress.accept(String.format(Locale.ROOT, "%6.0f s  heap %6.1f MiB  threads %d",
                            (System.nanoTime() - begin) / 1e9, now.heapUsedBytes() / 1048576.0, now.liveThreads()));
                    Thread.sleep(sampleEvery.toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    progress.accept("metrics scrape failed: " + e.getMessage());
                    try {
                        Thread.sleep(sampleEvery.toMillis());
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }, "soak-sampler");
        sampler.setDaemon(true);
        sampler.start();
        int callers = Math.max(2, (int) Math.ceil(perSecond / 10));
        LevelResult load = driver.paced(callers, duration, perSecond, false);
        sampler.interrupt();
        sampler.join(10_000);
        List<Metrics> taken = List.copyOf(samples);
        return new Result(load, taken, Flatness.judge(taken));
    }
}

package fr.passerelle.gateway.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntUnaryOperator;

/**
 * Sends a road's requests to one or more nodes from {@code callers} threads. Closed loop ({@link #closedLoop}): each
 * caller sends its next request as soon as the previous one is answered, for a duration or until stopped — the
 * throughput measurement. Paced ({@link #paced}): callers together keep a steady rate — the soak. Caller {@code i}
 * talks to node {@code i % nodes} unless a node chooser says otherwise, each caller on its own HTTP/1.1 connection.
 */
public final class Driver {

    private final List<String> nodes;
    private final Road road;
    private final Duration timeout;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile long begin = System.nanoTime();

    public Driver(List<String> nodes, Road road, Duration timeout) {
        this.nodes = List.copyOf(nodes);
        this.road = road;
        this.timeout = timeout;
    }

    /** Stops a running level early (callers finish their request in flight). */
    public void stop() {
        stopped.set(true);
    }

    /** Nanoseconds since the current (or last) level began: the time base of {@link Sample#startNanos()}. */
    public long elapsedNanos() {
        return System.nanoTime() - begin;
    }

    public LevelResult closedLoop(int callers, Duration duration, boolean keepSamples) throws InterruptedException {
        return run(callers, duration, 0, keepSamples, caller -> caller % nodes.size());
    }

    /** Closed loop where {@code chooser} maps a request number of a caller to the node it goes to. */
    public LevelResult closedLoop(int callers, Duration duration, boolean keepSamples, IntUnaryOperator chooser)
            throws InterruptedException {
        return run(callers, duration, 0, keepSamples, chooser);
    }

    /** {@code perSecond} requests a second in total, spread over {@code callers} threads. */
    public LevelResult paced(int callers, Duration duration, double perSecond, boolean keepSamples)
            throws InterruptedException {
        return run(callers, duration, perSecond, keepSamples, caller -> caller % nodes.size());
    }

    private LevelResult run(int callers, Duration duration, double perSecond, boolean keepSamples,
                            IntUnaryOperator chooser) throws InterruptedException {
        stopped.set(false);
        road.signedWhileMeasuring();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(callers);
        long begin = System.nanoTime();
        this.begin = begin;
        long end = begin + duration.toNanos();
        long interval = perSecond > 0 ? (long) (callers * 1e9 / perSecond) : 0;
        for (int c = 0; c < callers; c++) {
            int caller = c;
            Thread thread = new Thread(() -> {
                try {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5)).build();
                    List<Sample> mine = new ArrayList<>();
                    long next = begin + (interval > 0 ? interval * caller / callers : 0);
                    while (!stopped.get() && System.nanoTime() < end) {
                        if (interval > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                            next += interval;
                            if (System.nanoTime() >= end) {
                                break;
                            }
                        }
                        int node = interval > 0 ? chooser.applyAsInt(caller)
                                : chooser.applyAsInt(caller) % nodes.size();
                        Sample sample = send(http, node, road.next(caller), begin);
                        mine.add(sample);
                        if (sample.outcome() == Outcome.NO_ANSWER) {
                            // A dead node refuses at once: pause as a load balancer's health check would, rather
                            // than spin.
                            Thread.sleep(50);
                        }
                    }
                    samples.addAll(mine);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "load-caller-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        double seconds = (System.nanoTime() - begin) / 1e9;
        return LevelResult.of(callers, seconds, new ArrayList<>(samples), road.signedWhileMeasuring(), keepSamples);
    }

    private Sample send(HttpClient http, int node, Call call, long begin) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> answer = http.send(call.request(nodes.get(node)).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long latency = System.nanoTime() - start;
            Outcome outcome = call.protocol().judge(call.kind(), answer.statusCode(), answer.body());
            String broken = outcome == Outcome.BROKEN
                    ? new String(answer.body(), 0, Math.min(answer.body().length, 600), java.nio.charset.StandardCharsets.UTF_8)
                    : null;
            return new Sample(node, call.kind(), call.correlationId(), start - begin, latency, outcome,
                    answer.statusCode(), broken);
        } catch (HttpTimeoutException e) {
            return new Sample(node, call.kind(), call.correlationId(), start - begin, System.nanoTime() - start,
                    Outcome.TIMEOUT, 0, null);
        } catch (IOException e) {
            return new Sample(node, call.kind(), call.correlationId(), start - begin, System.nanoTime() - start,
                    Outcome.NO_ANSWER, 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sample(node, call.kind(), call.correlationId(), start - begin, System.nanoTime() - start,
                    Outcome.NO_ANSWER, 0, null);
        }
    }
}

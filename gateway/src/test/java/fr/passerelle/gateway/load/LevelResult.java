package fr.passerelle.gateway.load;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one load level: counts per outcome and latency percentiles over every answered request. */
public record LevelResult(int callers, double seconds, long[] sortedLatencies, Map<Outcome, Long> outcomes,
                          long signedWhileMeasuring, List<Sample> samples) {

    public static LevelResult of(int callers, double seconds, List<Sample> samples, long signedWhileMeasuring,
                                 boolean keepSamples) {
        long[] latencies = samples.stream().mapToLong(Sample::latencyNanos).sorted().toArray();
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
        }
        samples.forEach(s -> outcomes.merge(s.outcome(), 1L, Long::sum));
        return new LevelResult(callers, seconds, latencies, outcomes, signedWhileMeasuring,
                keepSamples ? List.copyOf(samples) : List.of());
    }

    public long requests() {
        return sortedLatencies.length;
    }

    public long errors() {
        return requests() - outcomes.get(Outcome.SUCCESS);
    }

    public double perSecond() {
        return requests() / seconds;
    }

    /** Nearest-rank percentile in milliseconds. */
    public double percentile(double p) {
        if (sortedLatencies.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedLatencies.length) - 1;
        return sortedLatencies[Math.max(0, Math.min(sortedLatencies.length - 1, index))] / 1e6;
    }

    public double maxMillis() {
        return sortedLatencies.length == 0 ? Double.NaN : sortedLatencies[sortedLatencies.length - 1] / 1e6;
    }

    public static String header() {
        return "| callers | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms | gateway CPU ms/req |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    public String row() {
        return row(-1);
    }

    /** A table row; {@code gatewayCpuNanos} is the CPU time the gateway processes used during the level, or -1. */
    public String row(long gatewayCpuNanos) {
        String cpu = gatewayCpuNanos < 0 || requests() == 0 ? "n/a"
                : String.format(Locale.ROOT, "%.2f", gatewayCpuNanos / 1e6 / requests());
        return String.format(Locale.ROOT, "| %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s |", callers,
                requests(), errors(), perSecond(), percentile(50), percentile(90), percentile(99), maxMillis(), cpu);
    }

    /** Errors by outcome, e.g. "REFUSED 3, NO_ANSWER 2", empty when there were none. */
    public String errorBreakdown() {
        StringBuilder out = new StringBuilder();
        outcomes.forEach((outcome, count) -> {
            if (outcome != Outcome.SUCCESS && count > 0) {
                out.append(out.isEmpty() ? "" : ", ").append(outcome).append(' ').append(count);
            }
        });
        return out.toString();
    }

    @Override
    public String toString() {
        return row() + " " + errorBreakdown() + " " + Arrays.toString(new double[] {percentile(50), percentile(99)});
    }
}

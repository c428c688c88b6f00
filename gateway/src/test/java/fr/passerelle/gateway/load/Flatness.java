package fr.passerelle.gateway.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges a soak's samples. Heap use is a saw-tooth (allocation, then collection), so its level is read as the
 * lowest value of each window — what survived the last collection. After the warm-up (the first fifth), the
 * remaining samples are cut into four windows: the heap is flat when the last window's floor is within
 * {@code heapSlack} of the first window's floor, plus {@value #HEAP_ALLOWANCE_MIB} MiB (caches filling to their
 * bounds, JIT). The thread count is flat when the last window's peak is at most the first window's peak plus
 * {@value #THREAD_ALLOWANCE} (pools growing to their core size), and it never rose window after window.
 */
public record Flatness(List<Metrics> windowsFloorAndPeak, boolean heapFlat, boolean threadsFlat, String report) {

    static final int HEAP_ALLOWANCE_MIB = 48;
    static final double HEAP_SLACK = 0.25;
    static final int THREAD_ALLOWANCE = 8;
    static final int WINDOWS = 4;

    public boolean flat() {
        return heapFlat && threadsFlat;
    }

    static Flatness judge(List<Metrics> samples) {
        if (samples.size() < WINDOWS * 2 + 2) {
            throw new IllegalArgumentException("Too few samples to judge flatness: " + samples.size());
        }
        List<Metrics> steady = samples.subList(samples.size() / 5, samples.size());
        List<Metrics> windows = new ArrayList<>();
        int size = steady.size() / WINDOWS;
        for (int w = 0; w < WINDOWS; w++) {
            List<Metrics> window = steady.subList(w * size, w == WINDOWS - 1 ? steady.size() : (w + 1) * size);
            long heapFloor = window.stream().mapToLong(Metrics::heapUsedBytes).min().orElseThrow();
            long threadPeak = window.stream().mapToLong(Metrics::liveThreads).max().orElseThrow();
            windows.add(new Metrics(heapFloor, threadPeak, -1));
        }
        Metrics first = windows.get(0);
        Metrics last = windows.get(WINDOWS - 1);
        long heapBound = (long) (first.heapUsedBytes() * (1 + HEAP_SLACK)) + HEAP_ALLOWANCE_MIB * 1024L * 1024L;
        boolean heapFlat = last.heapUsedBytes() <= heapBound;
        boolean threadsRising = true;
        for (int w = 1; w < WINDOWS; w++) {
            threadsRising &= windows.get(w).liveThreads() > windows.get(w - 1).liveThreads();
        }
        boolean threadsFlat = last.liveThreads() <= first.liveThreads() + THREAD_ALLOWANCE && !threadsRising;
        StringBuilder report = new StringBuilder("windows after warm-up (heap floor MiB / peak live threads):");
        windows.forEach(w -> report.append(String.format(Locale.ROOT, " %.0f/%d", w.heapUsedBytes() / 1048576.0,
                w.liveThreads())));
        report.append(String.format(Locale.ROOT, "; heap bound %.0f MiB: %s; threads bound %d: %s",
                heapBound / 1048576.0, heapFlat ? "flat" : "GROWING", first.liveThreads() + THREAD_ALLOWANCE,
                threadsFlat ? "flat" : "GROWING"));
        return new Flatness(List.copyOf(windows), heapFlat, threadsFlat, report.toString());
    }
}

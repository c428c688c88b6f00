package fr.passerelle.terminology.bench;

import fr.passerelle.terminology.TerminologyCatalogue;

import java.nio.file.Path;

/**
 * Heap retained by one loaded catalogue: used heap after full GCs, before and after loading, with the catalogue
 * still referenced. Run with a fixed heap, e.g. {@code -Xms1g -Xmx1g}.
 */
public final class CatalogueHeap {

    private CatalogueHeap() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../src/data/terminology");
        long before = settledUsedHeap();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        TerminologyCatalogue catalogue = TerminologyCatalogue.load(data);
        long loadMs = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        long after = settledUsedHeap();
        System.out.printf("first load (cold JVM) %d ms wall, %d ms CPU of the loading thread (JIT threads not counted);"
                + " retained heap %.1f MiB; %s%n", loadMs, cpuMs,
                (after - before) / 1024.0 / 1024.0, catalogue.statistics());
    }

    private static long settledUsedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}

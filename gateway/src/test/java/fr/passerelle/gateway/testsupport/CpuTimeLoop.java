package fr.passerelle.gateway.testsupport;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The measuring loop of the cost harnesses: a step run for a warm-up (40 % of the measured time), then for the
 * measured time; the figure is this thread's CPU time per call, which a busy machine disturbs less than wall time.
 */
public final class CpuTimeLoop {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** One call of the code measured. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private CpuTimeLoop() {
    }

    /** Microseconds of this thread's CPU per call of {@code step}, measured over {@code seconds}. */
    public static double microsPerCall(int seconds, Step step) throws Exception {
        long warmUntil = System.nanoTime() + seconds * 400_000_000L;
        while (System.nanoTime() < warmUntil) {
            step.run();
        }
        long calls = 0;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            step.run();
            calls++;
        }
        return (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000.0 / calls;
    }
}

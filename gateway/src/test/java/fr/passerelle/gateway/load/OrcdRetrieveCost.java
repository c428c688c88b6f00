package fr.passerelle.gateway.load;

import fr.passerelle.gateway.conformance.PivotConformance;
import fr.passerelle.gateway.exchange.Rendering;
import fr.passerelle.gateway.exchange.TranslatedDocuments;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.translation.DocumentTranslator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;

/**
 * What serving a French report as an eHDSI original clinical document costs the gateway beyond the request's
 * parse-and-verify floor ({@link RetrieveFloorBenchmark#parseVerify}), in process, single thread: the first
 * retrieve of a document version (translation: the report's own PDF copy carried, or the report rendered with the
 * ANS stylesheet and FOP) and every later one (the translation kept by {@link TranslatedDocuments}). Also the very
 * first rendering of the JVM (stylesheet compilation, FOP factory). CPU time of this thread ({@code ThreadMXBean})
 * and wall time, per operation.
 *
 * <p>Run from the gateway folder: {@code java -cp target/test-classes:target/classes:<test classpath>
 * fr.passerelle.gateway.load.OrcdRetrieveCost [rounds]}. Figures: docs/benchmarks/translation.md.
 */
public final class OrcdRetrieveCost {

    private static final String[] DOCUMENTS = {"berthelot-cr-bio.xml", "berthelot-cr-img.xml",
        "lambertin-ldl-ses.xml"};

    private OrcdRetrieveCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        DocumentTranslator translator = new DocumentTranslator(TerminologyCatalogue.load(RetrieveFloorBenchmark.DATA));
        for (String name : DOCUMENTS) {
            byte[] french = Files.readAllBytes(RetrieveFloorBenchmark.DEMO.resolve(name));
            // The first translation of this document in the JVM: for the first rendered one, also the stylesheet's
            // compilation and the FOP factory (once per JVM).
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            require(fresh(translator).translate(name, Rendering.PIVOT_CDA, Optional.empty(), () -> french));
            System.out.printf(Locale.ROOT, "%s: first translation in this JVM %.0f ms CPU, %.0f ms wall%n", name,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6);
            for (int warm = 0; warm < 5; warm++) {
                require(fresh(translator).translate(name, Rendering.PIVOT_CDA, Optional.empty(), () -> french));
            }
            // A first retrieve of the version: nothing kept yet (a fresh cache each time).
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            int size = 0;
            for (int i = 0; i < rounds; i++) {
                size = require(fresh(translator).translate(name, Rendering.PIVOT_CDA, Optional.empty(), () -> french));
            }
            long cpu1 = threads.getCurrentThreadCpuTime();
            long wall1 = System.nanoTime();
            // Later retrieves: the translation kept for this version.
            TranslatedDocuments kept = fresh(translator);
            require(kept.translate(name, Rendering.PIVOT_CDA, Optional.empty(), () -> french));
            int cachedRounds = rounds * 1000;
            long cpu2 = threads.getCurrentThreadCpuTime();
            long wall2 = System.nanoTime();
            for (int i = 0; i < cachedRounds; i++) {
                require(kept.translate(name, Rendering.PIVOT_CDA, Optional.empty(), () -> {
                    throw new IllegalStateException("a kept translation reads no French bytes");
                }));
            }
            long cpu3 = threads.getCurrentThreadCpuTime();
            long wall3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s (%d B → OrCD %d B): first %.1f ms CPU / %.1f ms wall, kept %.2f µs CPU "
                            + "/ %.2f µs wall%n", name, french.length, size, (cpu1 - cpu0) / 1e6 / rounds,
                    (wall1 - wall0) / 1e6 / rounds, (cpu3 - cpu2) / 1e3 / cachedRounds,
                    (wall3 - wall2) / 1e3 / cachedRounds);
        }
    }

    private static TranslatedDocuments fresh(DocumentTranslator translator) {
        return new TranslatedDocuments(translator, 64L * 1024 * 1024, PivotConformance.off());
    }

    private static int require(Object translation) {
        if (translation instanceof TranslatedDocuments.Done done) {
            return done.content().length;
        }
        throw new IllegalStateException("not translated: " + translation);
    }
}

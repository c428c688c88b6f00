package fr.passerelle.translation.bench;

import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationOutcome;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU per original clinical document (OrCD): the embedded-PDF path (the French report's own PDF copy wrapped) and
 * the rendering path (ANS CDA-FO.xsl on Saxon, then FOP), thread CPU time per document after warm-up, and the
 * one-off cost of compiling the stylesheet. Run from the translation module directory with the test classpath:
 * {@code java -cp … fr.passerelle.translation.bench.OrcdCpuTime [iterations]}.
 */
public final class OrcdCpuTime {

    private static final Path ORCD = Path.of("../src/fixtures/fr-cda-orcd");

    private OrcdCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        DocumentTranslator translator = new DocumentTranslator(TerminologyCatalogue.load(TranslationBenchmarks.DATA));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[] first = Files.readAllBytes(ORCD.resolve("LDL-SES_2022.01.xml"));
        long cpu = threads.getCurrentThreadCpuTime();
        check(translator.toOrcd(first, null));
        System.out.printf("first rendering (stylesheet compiled, FOP set up, cold JIT): %8.1f ms CPU%n",
                (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
        for (String file : new String[] {"BIO-CR-BIO_2024.01_TSH_1.xml", "BIO-CR-BIO_2024.01_Microbiologie_V2.xml",
                "BIO-CR-BIO_2024.01_CR-2nde-intention-PDF.xml", "LDL-SES_2022.01.xml", "IMG_CR_IMG_2024.01.xml"}) {
            byte[] french = Files.readAllBytes(ORCD.resolve(file));
            TranslationOutcome.Translated t = check(translator.toOrcd(french, null));
            boolean rendered = t.report().warnings().stream().anyMatch(w -> w.contains("CDA-FO.xsl"));
            double ms = cpuMillis(threads, iterations, () -> translator.toOrcd(french, null));
            System.out.printf("%-46s %-9s %8.1f ms CPU per document (%d kB in, %d kB out)%n", file,
                    rendered ? "rendered" : "own PDF", ms, french.length / 1024, t.document().length() / 1024);
        }
    }

    private static TranslationOutcome.Translated check(TranslationOutcome o) {
        if (o instanceof TranslationOutcome.Translated t) {
            return t;
        }
        throw new IllegalStateException("not translated: " + o);
    }

    private static double cpuMillis(ThreadMXBean threads, int iterations, ConformanceCpuTime.Work work) throws Exception {
        for (int i = 0; i < iterations; i++) {
            work.run();
        }
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            work.run();
        }
        return (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / iterations;
    }
}

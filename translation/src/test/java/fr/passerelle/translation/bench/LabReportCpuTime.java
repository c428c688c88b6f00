package fr.passerelle.translation.bench;

import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationOutcome;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU per CR-BIO laboratory report rendered as a FHIR document Bundle ({@code toLabReportBundle}): thread CPU time
 * per document after warm-up, the first call of the JVM apart. Run from the translation module directory with the
 * test classpath: {@code java -cp … fr.passerelle.translation.bench.LabReportCpuTime [iterations]}.
 */
public final class LabReportCpuTime {

    private static final Path ORCD = Path.of("../src/fixtures/fr-cda-orcd");

    private LabReportCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        DocumentTranslator translator = new DocumentTranslator(TerminologyCatalogue.load(TranslationBenchmarks.DATA));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] files = {"BIO-CR-BIO_2024.01_TSH_1.xml", "BIO-CR-BIO_2024.01_Microbiologie_V2.xml",
            "BIO-CR-BIO_2024.01_CR-2nde-intention-PDF.xml"};
        byte[] first = Files.readAllBytes(ORCD.resolve(files[0]));
        long cpu = threads.getCurrentThreadCpuTime();
        check(translator.toLabReportBundle(first));
        System.out.printf("first call of the JVM (HAPI context, cold JIT): %8.1f ms CPU%n",
                (threads.getCurrentThreadCpuTime() - cpu) / 1e6);
        for (String file : files) {
            byte[] french = Files.readAllBytes(ORCD.resolve(file));
            TranslationOutcome.Translated t = check(translator.toLabReportBundle(french));
            for (int i = 0; i < iterations; i++) {
                translator.toLabReportBundle(french);
            }
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < iterations; i++) {
                translator.toLabReportBundle(french);
            }
            double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / iterations;
            System.out.printf("%-46s %8.2f ms CPU per document (%d kB in, %d kB out, %d not carried)%n", file, ms,
                    french.length / 1024, t.document().length() / 1024, t.report().notCarried().size());
        }
    }

    private static TranslationOutcome.Translated check(TranslationOutcome o) {
        if (o instanceof TranslationOutcome.Translated t) {
            return t;
        }
        throw new IllegalStateException("not translated: " + o);
    }
}

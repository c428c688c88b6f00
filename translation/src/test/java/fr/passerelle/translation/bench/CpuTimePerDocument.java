package fr.passerelle.translation.bench;

import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationOutcome;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.function.Function;

/**
 * Documents per CPU-second of one thread (thread CPU time, not wall time), the "per core" figure: unlike JMH
 * throughput it is not depressed when other processes share the machine's cores. Complements
 * {@link TranslationBenchmarks}. Run from the translation module directory with the test classpath:
 * {@code java -cp … fr.passerelle.translation.bench.CpuTimePerDocument [iterations]}.
 */
public final class CpuTimePerDocument {

    private CpuTimePerDocument() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        DocumentTranslator translator = new DocumentTranslator(TerminologyCatalogue.load(TranslationBenchmarks.DATA));
        byte[] vsm = Files.readAllBytes(TranslationBenchmarks.SAMPLES.resolve("VSM_1.4_2022.01.xml"));
        byte[] ipsFr = Files.readAllBytes(TranslationBenchmarks.SAMPLES.resolve("IPS-FR_2024.01.xml"));
        byte[] ep = Files.readAllBytes(TranslationBenchmarks.SAMPLES.resolve("eP-MED-DM_2024.01_PosoStruct.xml"));
        measure("VSM -> pivot", iterations, d -> translator.toPivot(d, null), vsm);
        measure("IPS-FR -> pivot (L3 + L1)", iterations / 5, d -> translator.toPivot(d, null), ipsFr);
        measure("VSM -> FHIR IPS", iterations, d -> translator.toFhirIps(d, null), vsm);
        measure("IPS-FR -> FHIR IPS", iterations / 5, d -> translator.toFhirIps(d, null), ipsFr);
        // eP-MED-DM (227 KB, two lines, a PDF copy): pivot (whole prescription, one document per line, level 1), MPD.
        measure("eP -> pivot (L3 + items + L1)", iterations, d -> translator.toPivot(d, null), ep);
        measure("eP -> FHIR MPD", iterations, d -> translator.toFhirMpd(d, null), ep);
    }

    private static void measure(String name, int iterations, Function<byte[], TranslationOutcome> f, byte[] doc) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < iterations; i++) {
            check(f.apply(doc));
        }
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < iterations; i++) {
            check(f.apply(doc));
        }
        double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf("%-30s %8.1f documents per CPU-second (%.2f ms CPU each)%n", name, iterations / seconds,
                seconds * 1000 / iterations);
    }

    private static void check(TranslationOutcome o) {
        if (!(o instanceof TranslationOutcome.Translated)) {
            throw new IllegalStateException("not translated: " + o);
        }
    }
}

package fr.passerelle.translation.bench;

import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.conformance.EhdsiRuntime;
import fr.passerelle.translation.conformance.PivotSchematron;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU cost of the run-time conformance check (the eHDSI ART-DECOR runtime schematron run on an outgoing pivot)
 * beside the cost of producing that pivot: thread CPU time per document, after warm-up. Needs the runtime
 * ({@code -Dpasserelle.ehdsi.runtime=…}, default ../../shared/validators/…). Run from the translation module
 * directory with the test classpath:
 * {@code java -cp … fr.passerelle.translation.bench.ConformanceCpuTime [iterations]}.
 */
public final class ConformanceCpuTime {

    private ConformanceCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        DocumentTranslator translator = new DocumentTranslator(TerminologyCatalogue.load(TranslationBenchmarks.DATA));
        for (String[] c : new String[][] {{"VSM_1.4_2022.01.xml", EhdsiRuntime.PS_L3, EhdsiRuntime.PS_L1},
                {"IPS-FR_2024.01.xml", EhdsiRuntime.PS_L3, EhdsiRuntime.PS_L1},
                {"eP-MED-DM_2024.01_PosoStruct.xml", EhdsiRuntime.EP_L3, EhdsiRuntime.EP_L1}}) {
            byte[] french = Files.readAllBytes(TranslationBenchmarks.SAMPLES.resolve(c[0]));
            TranslationOutcome.Translated t = (TranslationOutcome.Translated) translator.toPivot(french, null);
            double translate = cpuMillis(iterations, () -> translator.toPivot(french, null));
            PivotSchematron l3 = EhdsiRuntime.schematron(c[1]);
            double validate = cpuMillis(iterations, () -> l3.validate(t.document()));
            System.out.printf("%-34s translate %7.2f ms CPU   validate L3 %7.2f ms CPU (%4.0f %%)", c[0], translate,
                    validate, 100 * validate / translate);
            if (t.levelOne().isPresent()) {
                PivotSchematron l1 = EhdsiRuntime.schematron(c[2]);
                double validateL1 = cpuMillis(iterations, () -> l1.validate(t.levelOne().get()));
                System.out.printf("   validate L1 %7.2f ms CPU", validateL1);
            }
            System.out.println();
        }
        // Original clinical documents: the French report embedded as PDF in the eHDSI OrCD (no level 1).
        Path reports = TranslationBenchmarks.SAMPLES.resolveSibling("fr-cda-orcd");
        for (String[] c : new String[][] {{"BIO-CR-BIO_2024.01_TSH_1.xml", "epsos-OrCD_Laboratory_Result.sch"},
                {"LDL-SES_2022.01.xml", "epsos-OrCD_Hospital_Discharge_Report.sch"},
                {"IMG_CR_IMG_2024.01.xml", "epsos-OrCD_Medical_Imaging_Report.sch"}}) {
            byte[] french = Files.readAllBytes(reports.resolve(c[0]));
            TranslationOutcome.Translated t = (TranslationOutcome.Translated) translator.toOrcd(french, null);
            double translate = cpuMillis(iterations, () -> translator.toOrcd(french, null));
            PivotSchematron orcd = EhdsiRuntime.schematron(c[1]);
            double validate = cpuMillis(iterations, () -> orcd.validate(t.document()));
            System.out.printf("%-34s translate %7.2f ms CPU   validate    %7.2f ms CPU (%4.0f %%)%n", c[0], translate,
                    validate, 100 * validate / translate);
        }
    }

    interface Work {
        Object run() throws Exception;
    }

    private static double cpuMillis(int iterations, Work work) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
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

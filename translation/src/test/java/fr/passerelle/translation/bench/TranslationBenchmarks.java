package fr.passerelle.translation.bench;

import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Documents per second, single-threaded, from the French bytes to the serialised output (parse, model,
 * write, transcode every coded element, serialise): VSM → pivot, IPS-FR (1.5 MB, embedded PDF) → pivot
 * (level 3 and level 1), VSM → FHIR IPS Bundle (JSON).
 * Run from the translation module directory:
 * {@code java -cp <test classpath> fr.passerelle.translation.bench.TranslationBenchmarks [JMH options]}
 * (see docs/benchmarks/translation.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(1)
public class TranslationBenchmarks {

    static final Path DATA = Path.of(System.getProperty("passerelle.terminology.data", "../src/data/terminology"));
    static final Path SAMPLES = Path.of(System.getProperty("passerelle.samples", "../src/fixtures/fr-cda"));

    DocumentTranslator translator;
    byte[] vsm;
    byte[] ipsFr;

    @Setup(Level.Trial)
    public void load() throws Exception {
        translator = new DocumentTranslator(TerminologyCatalogue.load(DATA));
        vsm = Files.readAllBytes(SAMPLES.resolve("VSM_1.4_2022.01.xml"));
        ipsFr = Files.readAllBytes(SAMPLES.resolve("IPS-FR_2024.01.xml"));
    }

    @Benchmark
    public String vsmToPivot() {
        return document(translator.toPivot(vsm, null));
    }

    @Benchmark
    public String ipsFrToPivot() {
        return document(translator.toPivot(ipsFr, null));
    }

    @Benchmark
    public String vsmToFhirIps() {
        return document(translator.toFhirIps(vsm, null));
    }

    @Benchmark
    public String ipsFrToFhirIps() {
        return document(translator.toFhirIps(ipsFr, null));
    }

    private static String document(TranslationOutcome outcome) {
        if (outcome instanceof TranslationOutcome.Translated t) {
            return t.document();
        }
        throw new IllegalStateException("sample not translated: " + outcome);
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}

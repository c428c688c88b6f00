package fr.passerelle.terminology.bench;

import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.TranscodingResult;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * In-process speed of the terminology, single-threaded, on the repository's data:
 * transcoding a mix of French and pivot codes, translating displays, and loading the whole catalogue.
 * Run: {@code java -cp <test classpath> fr.passerelle.terminology.bench.TerminologyBenchmarks [JMH options]}
 * from the terminology module directory (see docs/benchmarks/terminology.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(1)
public class TerminologyBenchmarks {

    static final Path DATA = Path.of(System.getProperty("passerelle.terminology.data", "../src/data/terminology"));
    static final String ACTIVE_INGREDIENT = "1.3.6.1.4.1.12559.11.10.1.3.1.42.24";
    static final String ROUTE = "1.3.6.1.4.1.12559.11.10.1.3.1.42.12";
    static final String ILLNESS = "1.3.6.1.4.1.12559.11.10.1.3.1.42.5";

    /** Codes as they come out of French CDA documents: OIDs, national codes, pivot codes. */
    static final Coding[] CODES = {
        new Coding("1.2.250.1.213.2.3.1", "62080626", "LEVOTHYROX 75 microgrammes"),
        new Coding("1.2.250.1.213.2.3.2", "3400938022209", "PLAVIX 75 mg"),
        new Coding("0.4.0.127.0.16.1.1.2.1", "20053000", "Voie orale"),
        new Coding("2.16.840.1.113883.6.3", "E06.3", "Thyroïdite auto-immune"),
    };
    static final String[] TARGETS = {ACTIVE_INGREDIENT, ACTIVE_INGREDIENT, ROUTE, ILLNESS};
    static final Coding CIM10_EXTENSION = new Coding("2.16.840.1.113883.6.3", "F10.20", "Syndrome de dépendance");
    static final String[] LANGUAGES = {"de", "it-IT", "es", "pl"};

    TerminologyCatalogue terminology;
    int i;

    @Setup(Level.Trial)
    public void load() throws TerminologyLoadException {
        terminology = TerminologyCatalogue.load(DATA);
        for (int k = 0; k < CODES.length; k++) {
            if (!(terminology.transcode(CODES[k], TARGETS[k]) instanceof TranscodingResult.Transcoded)) {
                throw new IllegalStateException("benchmark code does not transcode: " + CODES[k]);
            }
        }
    }

    @Benchmark
    public TranscodingResult transcode() {
        int k = (i++) & 3;
        return terminology.transcode(CODES[k], TARGETS[k]);
    }

    /** A French CIM-10 extension (ATIH) reaching its WHO parent by rule: the slowest transcoding path. */
    @Benchmark
    public TranscodingResult transcodeCim10Rule() {
        return terminology.transcode(CIM10_EXTENSION, ILLNESS);
    }

    @Benchmark
    public Optional<String> translate() {
        int k = (i++) & 3;
        return terminology.translate(CODES[2], LANGUAGES[k]);
    }

    /** One full load of the catalogue (MVC package, ANS value sets, maps, designations). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public TerminologyCatalogue loadCatalogue() throws TerminologyLoadException {
        return TerminologyCatalogue.load(DATA);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new CommandLineOptions(args.length == 0
                ? new String[] {TerminologyBenchmarks.class.getName()} : args)).run();
    }
}

package fr.passerelle.gateway.audit.bench;

import fr.passerelle.gateway.access.AccessDecision;
import fr.passerelle.gateway.access.AccessFixtures;
import fr.passerelle.gateway.access.AccessRequest;
import fr.passerelle.gateway.access.PatientRules;
import fr.passerelle.gateway.audit.AuditChainVerifier;
import fr.passerelle.gateway.audit.AuditFixtures;
import fr.passerelle.gateway.audit.AuditHashing;
import fr.passerelle.gateway.audit.AuditRecord;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.audit.ChainVerification;
import fr.passerelle.gateway.consent.ConsentVersion;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.DefaultConsent;
import fr.passerelle.gateway.consent.SharedDocuments;
import fr.passerelle.gateway.healthspace.PatientControls;
import fr.passerelle.gateway.testsupport.Databases;
import fr.passerelle.gateway.testsupport.TestDatabase;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What the policy and the trail add to one cross-border transaction, on embedded H2 (the default store): the pure
 * access decision, the hash of one record, one append (lock the chain head, insert, move the head, commit), and
 * the verification of a 10,000-record trail.
 *
 * <p>Run (from gateway/, after test-compile):
 * {@code java -cp target/test-classes:target/classes:<test classpath> fr.passerelle.gateway.audit.bench.AuditBenchmarks}
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AuditBenchmarks {

    static final int TRAIL = 10_000;

    private final PatientRules rules = new PatientRules(DefaultConsent.NO_ACCESS);
    private final AccessRequest request = AccessFixtures.psRetrieve(AccessFixtures.spanishGp(),
            PurposeOfUse.EMERGENCY);
    private final Optional<ConsentVersion> consent = AccessFixtures.authorised(CountryScope.of(Set.of("BE", "ES")),
            Optional.empty(), SharedDocuments.PATIENT_SUMMARY, SharedDocuments.EPRESCRIPTIONS);
    private final PatientControls controls = new PatientControls(Set.of("BE-1", "IT-2"), false, true);

    private TestDatabase appendDatabase;
    private AuditTrail appendTrail;
    private AuditChainVerifier verifier;
    private AuditRecord sample;

    @Setup(Level.Trial)
    public void setUp() {
        appendDatabase = Databases.h2("AuditBenchmarksAppend");
        appendTrail = AuditFixtures.trail(appendDatabase.dataSource(), Clock.systemUTC(), false);
        sample = appendTrail.record(AuditFixtures.granted("1.2.250.1.213.1.1.9.1"));

        TestDatabase verifyDatabase = Databases.h2("AuditBenchmarksVerify");
        AuditTrail trail = AuditFixtures.trail(verifyDatabase.dataSource(), Clock.systemUTC(), false);
        for (int i = 0; i < TRAIL; i++) {
            trail.record(i % 5 == 0 ? AuditFixtures.refusedEmergency() : AuditFixtures.granted("1.2.250.9." + i));
        }
        verifier = new AuditChainVerifier(verifyDatabase.dataSource());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public AccessDecision accessDecision() {
        return rules.decide(request, consent, controls, AccessFixtures.NOW);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public String hashRecord() {
        return AuditHashing.hash(sample);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public AuditRecord appendRecord() {
        return appendTrail.record(AuditFixtures.granted("1.2.250.1.213.1.1.9.2"));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ChainVerification verifyTrailOf10000() {
        ChainVerification verdict = verifier.verify();
        if (!(verdict instanceof ChainVerification.Intact)) {
            throw new IllegalStateException("benchmark trail broken: " + verdict);
        }
        return verdict;
    }

    public static void main(String[] args) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(AuditBenchmarks.class.getName() + (args.length > 0 ? "." + args[0] : ""));
        new Runner(options.build()).run();
    }
}

package fr.passerelle.trust.bench;

import fr.passerelle.trust.RequestValidator;
import fr.passerelle.trust.Transaction;
import fr.passerelle.trust.TrustSettings;
import fr.passerelle.trust.Validation;
import fr.passerelle.trust.VerifiedRequester;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.replay.CachingReplayGuard;
import fr.passerelle.trust.replay.InMemoryReplayStore;
import fr.passerelle.trust.replay.ReplayGuard;
import fr.passerelle.trust.trustlist.DirectoryTrustList;
import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.XmlLimits;
import fr.passerelle.trust.xml.XmlSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Validations per second of a realistic eHDSI HCP + TRC pair (RSA-2048, exc-c14n, as OpenNCP sends them):
 * {@code fromBytes} parses the envelope with the hardened parser and validates; {@code parsedDom} validates a
 * DOM already parsed (what CXF hands over). The replay guard accepts every id here, since the same message is
 * validated over and over; {@code replayGuardFirstUse} measures the in-process guard on its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ValidationBenchmark {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    private static final String PATIENT = "1234567890123^^^&1.2.250.1.213.1.4.10&ISO";

    private RequestValidator validator;
    private HardenedXml parser;
    private byte[] wire;
    private Document parsed;
    private ReplayGuard guard;
    private final AtomicLong ids = new AtomicLong();

    @Setup
    public void setUp() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DemoPki pki = DemoPki.generate(NOW, Duration.ofDays(30), List.of("ES"));
        Path trustListDir = Files.createTempDirectory("bench-trust-list");
        pki.writeTrustList(trustListDir);
        DirectoryTrustList trustList = new DirectoryTrustList(trustListDir, clock, Duration.ofHours(1));
        validator = new RequestValidator(TrustSettings.ehdsiDefaults(), trustList, (id, expiry) -> true, clock);

        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCA_QUERY);
        Element security = SoapEnvelopes.security(envelope);
        AssertionIssuer issuer = new AssertionIssuer(pki.signer("ES"), clock);
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        Element hcp = issuer.hcp(security, doctor);
        issuer.trc(security, TrcClaims.treating(PATIENT), doctor.practitionerId(), hcp.getAttribute("ID"));
        wire = XmlSerializer.toBytes(envelope);
        parser = new HardenedXml(XmlLimits.ENVELOPE);
        parsed = parser.parse(wire);
        if (!(validator.validate(parsed, Transaction.XCA_QUERY, PATIENT) instanceof VerifiedRequester)) {
            throw new IllegalStateException("the benchmark pair must be valid");
        }
        guard = new CachingReplayGuard(new InMemoryReplayStore(), clock, 1_000_000);
    }

    @Benchmark
    public Validation fromBytes() throws Exception {
        return validator.validate(parser.parse(wire), Transaction.XCA_QUERY, PATIENT);
    }

    @Benchmark
    public Validation parsedDom() {
        return validator.validate(parsed, Transaction.XCA_QUERY, PATIENT);
    }

    @Benchmark
    public boolean replayGuardFirstUse() {
        return guard.firstUse("assertion:_" + ids.incrementAndGet(), NOW.plusSeconds(3600));
    }

    /** Few short iterations: the machine is shared. Pass a JMH include regex as first argument to narrow. */
    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder()
                .include(ValidationBenchmark.class.getName() + (args.length > 0 ? "." + args[0] : ""))
                .warmupIterations(2).warmupTime(TimeValue.seconds(2))
                .measurementIterations(3).measurementTime(TimeValue.seconds(2))
                .forks(1).threads(1)
                .build()).run();
    }
}

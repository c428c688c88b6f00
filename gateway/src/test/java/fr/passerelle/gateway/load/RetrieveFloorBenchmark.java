package fr.passerelle.gateway.load;

import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationOutcome;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The floor of one XCA retrieve (ITI-39), in process, no HTTP, no database, single-threaded: parse the signed SOAP
 * envelope with the hardened parser, verify its HCP and TRC assertions (RSA-2048 signatures, trust list, claims;
 * the replay guard accepts every id, as the same request is verified over and over), and translate the demo
 * patient's French summary into the eHDSI pivot document. {@code parseVerify} alone is the floor of a retrieve the
 * gateway answers from its translation cache (it caches the pivot per document and catalogue version).
 * docs/benchmarks.md compares the load harness's req/s per core with 1 / this time.
 *
 * <p>Run from the gateway folder: {@code java -cp <test classpath> fr.passerelle.gateway.load.RetrieveFloorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class RetrieveFloorBenchmark {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    private static final String PATIENT = "156113523811249^^^&1.2.250.1.213.1.4.10&ISO";
    static final Path DATA = Path.of(System.getProperty("passerelle.terminology.data", "../src/data/terminology"));
    static final Path DEMO = Path.of(System.getProperty("passerelle.demo.data", "../src/data/demo/documents"));

    /** A VSM-based summary (60 KB) and an IPS-FR-based one (280 KB, embedded PDF): the demo documents retrieved. */
    @Param({"lambertin-ps-vsm.xml", "berthelot-ps-ips.xml"})
    public String document;

    private RequestValidator validator;
    private HardenedXml parser;
    private DocumentTranslator translator;
    private byte[] wire;
    private byte[] french;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DemoPki pki = DemoPki.generate(NOW, Duration.ofDays(30), List.of("ES"));
        Path trustListDir = Files.createTempDirectory("floor-trust-list");
        pki.writeTrustList(trustListDir);
        validator = new RequestValidator(TrustSettings.ehdsiDefaults(),
                new DirectoryTrustList(trustListDir, clock, Duration.ofHours(1)), (id, expiry) -> true, clock);
        parser = new HardenedXml(XmlLimits.ENVELOPE);
        translator = new DocumentTranslator(TerminologyCatalogue.load(DATA));
        french = Files.readAllBytes(DEMO.resolve(document));

        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCA_RETRIEVE);
        Element security = SoapEnvelopes.security(envelope);
        AssertionIssuer issuer = new AssertionIssuer(pki.signer("ES"), clock);
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        Element hcp = issuer.hcp(security, doctor);
        issuer.trc(security, TrcClaims.treating(PATIENT), doctor.practitionerId(), hcp.getAttribute("ID"));
        Element body = (Element) envelope.getElementsByTagNameNS(SoapEnvelopes.SOAP12_NS, "Body").item(0);
        String home = GatewayProcess.HOME_COMMUNITY;
        Document request = parser.parse(("<RetrieveDocumentSetRequest xmlns=\"urn:ihe:iti:xds-b:2007\"><DocumentRequest>"
                + "<HomeCommunityId>urn:oid:" + home + "</HomeCommunityId><RepositoryUniqueId>" + home
                + "</RepositoryUniqueId><DocumentUniqueId>1.2.250.1.213.4.1.99.1</DocumentUniqueId></DocumentRequest>"
                + "</RetrieveDocumentSetRequest>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.appendChild(envelope.importNode(request.getDocumentElement(), true));
        wire = XmlSerializer.toBytes(envelope);
        if (!(parseVerify() instanceof VerifiedRequester) || retrieve().isEmpty()) {
            throw new IllegalStateException("the floor request must verify and its document translate");
        }
    }

    @Benchmark
    public Validation parseVerify() throws Exception {
        return validator.validate(parser.parse(wire), Transaction.XCA_RETRIEVE, PATIENT);
    }

    @Benchmark
    public String retrieve() throws Exception {
        if (!(parseVerify() instanceof VerifiedRequester)) {
            throw new IllegalStateException("not verified");
        }
        TranslationOutcome outcome = translator.toPivot(french, null);
        if (outcome instanceof TranslationOutcome.Translated translated) {
            return translated.document();
        }
        throw new IllegalStateException("not translated: " + outcome);
    }

    /**
     * JMH with the given options (default: this class), or {@code cpu [rounds]}: the CPU time of this thread per
     * operation ({@code ThreadMXBean}), the figure that holds on a busy machine where JMH's wall clock does not.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("cpu")) {
            cpu(args.length > 1 ? Integer.parseInt(args[1]) : 300);
            return;
        }
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {RetrieveFloorBenchmark.class.getName()});
    }

    private static void cpu(int rounds) throws Exception {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String document : new String[] {"lambertin-ps-vsm.xml", "berthelot-ps-ips.xml"}) {
            RetrieveFloorBenchmark bench = new RetrieveFloorBenchmark();
            bench.document = document;
            bench.setUp();
            for (int warm = 0; warm < 4; warm++) {
                for (int i = 0; i < rounds; i++) {
                    bench.retrieve();
                }
            }
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < rounds; i++) {
                bench.parseVerify();
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < rounds; i++) {
                bench.retrieve();
            }
            long t2 = threads.getCurrentThreadCpuTime();
            System.out.printf(java.util.Locale.ROOT, "%s: parseVerify %.0f µs CPU/op, retrieve (parse + verify + "
                    + "pivot) %.0f µs CPU/op%n", document, (t1 - t0) / 1e3 / rounds, (t2 - t1) / 1e3 / rounds);
        }
    }
}

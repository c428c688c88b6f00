package fr.passerelle.gateway.healthspace.dmp.bench;

import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.dmp.DmpFixtures;
import fr.passerelle.gateway.healthspace.dmp.DmpHealthSpaceConfiguration;
import fr.passerelle.gateway.healthspace.dmp.DmpNationalHealthSpace;
import fr.passerelle.gateway.healthspace.dmp.DmpOperation;
import fr.passerelle.gateway.healthspace.dmp.DmpProperties;
import fr.passerelle.gateway.healthspace.dmp.DmpTestPki;
import fr.passerelle.gateway.healthspace.dmp.SigningCredential;
import fr.passerelle.gateway.healthspace.dmp.VihfIssuer;
import fr.passerelle.trust.VerifiedRequester;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.w3c.dom.Element;

/**
 * What the connector costs per DMP call: issuing and signing a VIHF (RSA 2048), and a whole FindDocuments round trip
 * (VIHF, CXF Dispatch, HTTP to a local WireMock DMP answering the ANS IPS-FR and VSM entries, metadata mapping).
 * Run from the gateway directory (working directory matters: the CDA samples are read from ../src/fixtures):
 * {@code java -cp <test classes>:<classes>:<test classpath> fr.passerelle.gateway.healthspace.dmp.bench.DmpBenchmarks}
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DmpBenchmarks {

    private WireMockServer dmp;
    private DmpNationalHealthSpace healthSpace;
    private VihfIssuer vihf;
    private VerifiedRequester requester;
    private Path keys;

    @Setup
    public void start() throws Exception {
        keys = Files.createTempDirectory("dmp-bench");
        DmpTestPki pki = DmpTestPki.create(keys);
        dmp = new WireMockServer(WireMockConfiguration.options().dynamicPort().disableRequestJournal());
        dmp.start();
        String answer = DmpFixtures.queryResponse(List.of(
                DmpFixtures.entry(DmpFixtures.IPS, DmpFixtures.cda(DmpFixtures.IPS)),
                DmpFixtures.entry(DmpFixtures.VSM, DmpFixtures.cda(DmpFixtures.VSM))));
        dmp.stubFor(post(urlEqualTo("/registry")).willReturn(aResponse()
                .withHeader("Content-Type", "application/soap+xml").withBody(answer)));
        DmpProperties properties = DmpFixtures.properties(pki, dmp.baseUrl(),
                DmpFixtures.resilience(Duration.ofSeconds(10), 1, 100, 100, Duration.ofSeconds(30)));
        healthSpace = DmpHealthSpaceConfiguration.create(properties, new SimpleMeterRegistry(), Clock.systemUTC());
        vihf = new VihfIssuer(properties.identity(), SigningCredential.from(SigningCredential.loadKeyStore(
                pki.organisationKeyStore.toString(), "PKCS12", DmpTestPki.PASSWORD), null, DmpTestPki.PASSWORD),
                Clock.systemUTC());
        requester = DmpFixtures.doctor();
    }

    @TearDown
    public void stop() {
        dmp.stop();
    }

    @Benchmark
    public Element issueSignedVihf() {
        return vihf.issue(requester, DmpFixtures.PATIENT, DmpOperation.FIND_DOCUMENTS);
    }

    @Benchmark
    public List<DocumentEntry> findDocumentsRoundTrip() {
        return HealthSpaceCaller.callAs(requester,
                () -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.PATIENT_SUMMARY));
    }

    public static void main(String[] args) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(DmpBenchmarks.class.getName() + (args.length > 0 ? "." + args[0] : ""));
        new Runner(options.build()).run();
    }
}

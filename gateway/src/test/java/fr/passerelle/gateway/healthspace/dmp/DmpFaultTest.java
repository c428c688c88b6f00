package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.ihe.XmlTree;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow or failing DMP: each fault becomes a typed {@link DmpFailure} within the configured time, reads are retried
 * once, submissions never, and the circuit opens and closes as configured.
 */
class DmpFaultTest {

    /** Generous: the build machine is shared and often loaded; the slow DMP answers far later still. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final int DMP_DELAY_MILLIS = 15_000;

    @TempDir
    static Path keys;
    private static DmpTestPki pki;

    private WireMockDmp dmp;
    private DmpProperties properties;
    private DmpNationalHealthSpace healthSpace;

    @BeforeEach
    void start() {
        if (pki == null) {
            pki = DmpTestPki.create(keys);
        }
        dmp = new WireMockDmp(pki);
        connect(DmpFixtures.resilience(READ_TIMEOUT, 2, 20, 10, Duration.ofSeconds(30)));
    }

    private void connect(DmpProperties.Resilience resilience) {
        properties = dmp.properties(resilience);
        healthSpace = dmp.connect(resilience);
    }

    @AfterEach
    void stop() {
        dmp.stop();
    }

    @Test
    void aSlowDmpIsATimeoutWithinTheConfiguredBound() {
        // Warm up (class loading) so the measure is of the timeout, not of a cold JVM.
        registryAnswers(aResponse().withHeader("Content-Type", "application/soap+xml")
                .withBody(DmpFixtures.queryResponse(List.of())));
        HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.PATIENT_SUMMARY));
        registryAnswers(aResponse().withFixedDelay(DMP_DELAY_MILLIS).withHeader("Content-Type", "application/soap+xml")
                .withBody(DmpFixtures.queryResponse(List.of())));

        long started = System.nanoTime();
        DmpFailure failure = documentsFailure();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure.kind()).isEqualTo(DmpFailure.Kind.TIMEOUT);
        assertThat(failure.ehdsiCode(DocumentKind.PATIENT_SUMMARY)).isEqualTo(ExchangeError.ERROR_PS_GENERIC);
        assertThat(took).as("two attempts of %s: within the worst case, long before the DMP answers", READ_TIMEOUT)
                .isGreaterThanOrEqualTo(READ_TIMEOUT.multipliedBy(2))
                .isLessThan(properties.resilience().worstCase().plusSeconds(2))
                .isLessThan(Duration.ofMillis(DMP_DELAY_MILLIS));
        assertThat(registryCalls()).as("an idempotent read is retried once").isEqualTo(2);
    }

    @Test
    void anHttp500WithoutSoapIsAnHttpError() {
        registryAnswers(aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Internal Server Error</body></html>"));

        assertThat(documentsFailure().kind()).isEqualTo(DmpFailure.Kind.HTTP_ERROR);
    }

    @Test
    void aSoapFaultIsASoapFault() {
        registryAnswers(aResponse().withStatus(500).withHeader("Content-Type", "application/soap+xml")
                .withBody("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><env:Fault>"
                        + "<env:Code><env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text xml:lang=\"fr\">"
                        + "Service indisponible</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>"));

        DmpFailure failure = documentsFailure();
        assertThat(failure.kind()).isEqualTo(DmpFailure.Kind.SOAP_FAULT);
        assertThat(failure.getMessage()).contains("Service indisponible");
    }

    @Test
    void malformedXmlIsAMalformedResponse() {
        registryAnswers(aResponse().withHeader("Content-Type", "application/soap+xml")
                .withBody("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><oops>"));

        assertThat(documentsFailure().kind()).isEqualTo(DmpFailure.Kind.MALFORMED_RESPONSE);
    }

    @Test
    void aWellFormedAnswerOfTheWrongShapeIsAMalformedResponse() {
        registryAnswers(aResponse().withHeader("Content-Type", "application/soap+xml")
                .withBody(DmpFixtures.soap("<unexpected xmlns=\"urn:other\"/>")));

        assertThat(documentsFailure().kind()).isEqualTo(DmpFailure.Kind.MALFORMED_RESPONSE);
    }

    @Test
    void aConnectionResetIsUnreachable() {
        registryAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(documentsFailure().kind()).isEqualTo(DmpFailure.Kind.UNREACHABLE);
    }

    @Test
    void cxfDoesNotLogTheFailuresTheConnectorAnswersNorQuoteTheDmpsErrorPage() {
        ch.qos.logback.classic.Logger cxf = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("org.apache.cxf");
        var events = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        events.start();
        cxf.addAppender(events);
        try {
            registryAnswers(aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Erreur pour le patient 284056912304563</body></html>"));
            assertThat(documentsFailure().kind()).isEqualTo(DmpFailure.Kind.HTTP_ERROR);
            registryAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
            assertThat(documentsFailure().kind()).isEqualTo(DmpFailure.Kind.UNREACHABLE);
        } finally {
            cxf.detachAppender(events);
        }
        // Without the FaultListener, CXF logs each of these four attempts at WARN, the first two quoting the page.
        assertThat(events.list).noneSatisfy(event -> assertThat(event.getLevel().isGreaterOrEqual(
                ch.qos.logback.classic.Level.WARN)).isTrue());
        assertThat(events.list).noneSatisfy(event ->
                assertThat(event.getFormattedMessage()).contains("284056912304563"));
    }

    @Test
    void aSubmissionIsNeverRetried() {
        dmp.stubFor(post(urlEqualTo("/repository")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        DmpSoapClient soap = new DmpSoapClient(null, null, properties.resilience());
        DmpResilience resilience = new DmpResilience(properties.resilience(), new SimpleMeterRegistry());
        Runnable submit = () -> resilience.call(DmpOperation.PROVIDE_AND_REGISTER, () -> soap.call(
                DmpOperation.PROVIDE_AND_REGISTER, properties.repositoryUrl(),
                XmlTree.root(XdsVocabulary.XDS, "xdsb:ProvideAndRegisterDocumentSetRequest"),
                XmlTree.root(VihfIssuer.SAML_NS, "saml2:Assertion"), java.util.Map.of()));

        DmpFailure failure = catchThrowableOfType(DmpFailure.class, submit::run);

        assertThat(failure.kind()).isEqualTo(DmpFailure.Kind.UNREACHABLE);
        assertThat(failure.ehdsiCode()).isEqualTo(ExchangeError.ERROR_ED_GENERIC);
        assertThat(dmp.findAll(postRequestedFor(urlEqualTo("/repository")))).hasSize(1);
    }

    @Test
    void theCircuitOpensAfterTheConfiguredFailuresAndClosesWhenTheDmpRecovers() throws Exception {
        connect(DmpFixtures.resilience(READ_TIMEOUT, 1, 4, 4, Duration.ofMillis(800)));
        registryAnswers(aResponse().withStatus(503).withHeader("Content-Type", "text/plain").withBody("down"));

        for (int i = 0; i < 4; i++) {
            assertThat(documentsFailure().kind()).isEqualTo(DmpFailure.Kind.HTTP_ERROR);
        }
        assertThat(circuit()).isEqualTo(CircuitBreaker.State.OPEN);
        long started = System.nanoTime();
        DmpFailure refused = documentsFailure();
        assertThat(refused.kind()).isEqualTo(DmpFailure.Kind.CIRCUIT_OPEN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused at once").isLessThan(
                Duration.ofMillis(300));
        assertThat(registryCalls()).as("an open circuit sends nothing").isEqualTo(4);

        registryAnswers(aResponse().withHeader("Content-Type", "application/soap+xml")
                .withBody(DmpFixtures.queryResponse(List.of())));
        Thread.sleep(900);
        assertThat(HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.PATIENT_SUMMARY))).isEmpty();
        assertThat(circuit()).as("one successful trial call (half-open calls = 1) closes it")
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void tooManyConcurrentCallsAreRefusedAsBusy() throws Exception {
        DmpResilience resilience = new DmpResilience(
                new DmpProperties.Resilience(Duration.ofSeconds(1), READ_TIMEOUT, 1, Duration.ofMillis(50), 50f, 10,
                        10, Duration.ofSeconds(30), 1, 1, Duration.ofMillis(10)), new SimpleMeterRegistry());
        var inside = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> resilience.call(DmpOperation.FIND_DOCUMENTS, () -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        inside.await();
        DmpFailure busy = catchThrowableOfType(DmpFailure.class,
                () -> resilience.call(DmpOperation.FIND_DOCUMENTS, () -> "never"));
        release.countDown();
        holder.join();
        assertThat(busy.kind()).isEqualTo(DmpFailure.Kind.BUSY);
    }

    private CircuitBreaker.State circuit() throws Exception {
        var resilience = DmpNationalHealthSpace.class.getDeclaredField("resilience");
        resilience.setAccessible(true);
        var breaker = DmpResilience.class.getDeclaredField("circuitBreaker");
        breaker.setAccessible(true);
        return ((CircuitBreaker) breaker.get(resilience.get(healthSpace))).getState();
    }

    private void registryAnswers(ResponseDefinitionBuilder answer) {
        dmp.resetAll();
        dmp.stubFor(post(urlEqualTo("/registry")).willReturn(answer));
    }

    private int registryCalls() {
        return dmp.requests("/registry").size();
    }

    private DmpFailure documentsFailure() {
        return catchThrowableOfType(DmpFailure.class, () -> HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.PATIENT_SUMMARY)));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

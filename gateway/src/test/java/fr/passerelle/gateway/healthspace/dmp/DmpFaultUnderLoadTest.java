package fr.passerelle.gateway.healthspace.dmp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.TestGateway;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.xml.XmlSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue 11, fault 3: the DMP slow and failing under concurrent load. 50 foreign callers identify patients over the
 * FHIR road while the DMP stub answers their TD0.2 checks late (beyond the read timeout), with an HTML 500, or by
 * resetting the connection. Every caller gets a clean 503 refusal within the configured worst case of one DMP
 * operation plus a margin, the circuit breaker and bulkhead engage, the gateway's thread count stays bounded by the
 * callers, Tomcat keeps answering {@code /actuator/health}, and once the DMP recovers the circuit half-opens and
 * closes and patients are identified again.
 */
class DmpFaultUnderLoadTest {

    private static final int CALLERS = 50;
    private static final int REQUESTS_PER_CALLER = 4;
    /** Above any wait the guards allow, for the gateway's own work on a busy machine. */
    private static final Duration MARGIN = Duration.ofSeconds(5);
    /** How late the slow DMP answers: far beyond the budget, so an unguarded wait could not pass. */
    private static final int DMP_DELAY_MILLIS = 45_000;
    private static final Duration OPEN_STATE = Duration.ofSeconds(3);
    private static final DemoPki PKI = DemoPki.generate(Instant.now(), Duration.ofDays(30), List.of("ES"));
    private static final HcpClaims DOCTOR = HcpClaims.demoDoctor("ES");

    @TempDir
    static Path home;
    private static WireMockServer dmp;
    private static ConfigurableApplicationContext app;
    private static int port;
    private static Duration worstCase;

    @BeforeAll
    static void start() throws Exception {
        DmpTestPki pki = DmpTestPki.create(Files.createDirectories(home.resolve("dmp-keys")));
        dmp = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(CALLERS + 10));
        dmp.start();
        TestGateway gateway = TestGateway.trusting(PKI, home, DmpFixtures.applicationArguments(pki, dmp.baseUrl(),
                // The quota is another test's subject; here every caller is Spanish and must reach the DMP guards.
                "--passerelle.rate-limit.enabled=false",
                "--passerelle.dmp.resilience.connect-timeout=500ms",
                "--passerelle.dmp.resilience.read-timeout=1s",
                "--passerelle.dmp.resilience.max-attempts=2",
                "--passerelle.dmp.resilience.retry-wait=100ms",
                "--passerelle.dmp.resilience.max-concurrent-calls=8",
                "--passerelle.dmp.resilience.max-wait-for-permit=200ms",
                "--passerelle.dmp.resilience.sliding-window-size=20",
                "--passerelle.dmp.resilience.minimum-calls=10",
                "--passerelle.dmp.resilience.open-duration=" + OPEN_STATE.toMillis() + "ms",
                "--passerelle.dmp.resilience.half-open-calls=2"));
        app = gateway.context();
        port = gateway.port();
        worstCase = app.getBean(DmpProperties.class).resilience().worstCase();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (dmp != null) {
            dmp.stop();
        }
    }

    /** Three kinds of DMP fault, chosen by the patient asked about so that every kind runs concurrently. */
    private static Ins patient(int caller) {
        return new Ins(Ins.TEST_NIR, String.format("2%02d0%011d", caller % 3, caller));
    }

    private static void failingDmp() {
        dmp.resetAll();
        for (int caller = 0; caller < CALLERS; caller++) {
            Ins ins = patient(caller);
            var answer = switch (caller % 3) {
                case 0 -> aResponse().withFixedDelay(DMP_DELAY_MILLIS).withHeader("Content-Type", "application/soap+xml")
                        .withBody(DmpFixtures.patientCheckResponse("NF", null));
                case 1 -> aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Internal Server Error</body></html>");
                default -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            };
            dmp.stubFor(post(urlEqualTo("/patient")).withRequestBody(containing("extension=\"" + ins.value() + "\""))
                    .willReturn(answer));
        }
    }

    private static void healthyDmp() {
        dmp.resetAll();
        dmp.stubFor(post(urlEqualTo("/patient")).willReturn(aResponse()
                .withHeader("Content-Type", "application/soap+xml")
                .withBody(DmpFixtures.patientCheckResponse("OK", "active"))));
    }

    @Test
    void latencyStaysBoundedThreadsDoNotPileUpAndTheGatewayRecoversWithTheDmp() throws Exception {
        failingDmp();
        for (int caller = 0; caller < 3; caller++) {
            identify(patient(caller)); // warm-up: first-request costs are not the DMP's
        }
        int baseline = gatewayThreads();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        List<Answer> healthProbes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger peakThreads = new AtomicInteger(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(CALLERS);
        for (int caller = 0; caller < CALLERS; caller++) {
            Ins ins = patient(caller);
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < REQUESTS_PER_CALLER; i++) {
                        answers.add(identify(ins));
                    }
                } finally {
                    done.countDown();
                }
            }, "caller-" + caller);
            thread.setDaemon(true);
            thread.start();
        }
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                peakThreads.accumulateAndGet(gatewayThreads(), Math::max);
                healthProbes.add(get("/actuator/health"));
                sleep(Duration.ofMillis(300));
            }
        }, "watcher");
        watcher.setDaemon(true);
        watcher.start();
        done.await();
        running.set(false);
        watcher.join();

        // The build machine is shared: when it is saturated even /actuator/health is slow. The slowest health
        // answer measured during the run is that moment's cost of any answer, added to the budget; the DMP's own
        // delay stays far above it, so a request waiting for the DMP would still fail the bound.
        Duration slowestHealth = healthProbes.stream().map(Answer::took).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        Duration budget = worstCase.plus(MARGIN).plus(slowestHealth);
        assertThat(budget).as("the run is conclusive only if the budget stays below the DMP's delay")
                .isLessThan(Duration.ofMillis(DMP_DELAY_MILLIS));
        List<Duration> took = answers.stream().map(Answer::took).sorted().toList();
        System.out.printf("DMP fault under load: %d answers from %d callers, latency p50 %d ms, p99 %d ms, max %d ms"
                        + " (budget %d ms); gateway threads idle %d, peak %d; health probes %d, slowest %d ms;"
                        + " DMP calls busy %.0f, circuit open %.0f%n", answers.size(), CALLERS,
                took.get(took.size() / 2).toMillis(), took.get(took.size() * 99 / 100).toMillis(),
                took.get(took.size() - 1).toMillis(), budget.toMillis(), baseline, peakThreads.get(),
                healthProbes.size(), slowestHealth.toMillis(), calls("busy"), calls("circuit_open"));
        assertThat(answers).as("answers during the fault").hasSize(CALLERS * REQUESTS_PER_CALLER);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.body()).as("an OperationOutcome naming the eHDSI error")
                    .contains("OperationOutcome").contains("ERROR_GENERIC");
            assertThat(answer.took()).as("within the worst case of one DMP operation (%s) plus %s plus the slowest"
                    + " health answer (%s)", worstCase, MARGIN, slowestHealth).isLessThan(budget);
        });
        assertThat(healthProbes).as("Tomcat still answers during the fault").isNotEmpty()
                .allSatisfy(probe -> assertThat(probe.status()).isEqualTo(200));
        // Each caller holds at most one request thread; the DMP's slowness must not add any.
        assertThat(peakThreads.get() - baseline).as("gateway threads above the idle %d", baseline)
                .isLessThanOrEqualTo(CALLERS + 20);
        assertThat(calls("circuit_open")).as("the circuit opened").isPositive();
        assertThat(calls("busy") + calls("circuit_open")).as("refused without waiting for the DMP").isPositive();

        healthyDmp();
        sleep(OPEN_STATE.plusMillis(500));
        Instant recovering = Instant.now();
        Answer recovered = identify(DmpFixtures.PATIENT);
        while (recovered.status() != 200 && Duration.between(recovering, Instant.now()).toSeconds() < 15) {
            sleep(Duration.ofMillis(300));
            recovered = identify(DmpFixtures.PATIENT);
        }
        assertThat(recovered.status()).as(recovered.body()).isEqualTo(200);
        assertThat(recovered.body()).contains(DmpFixtures.PATIENT.value());
        for (int i = 0; i < 3; i++) {
            assertThat(identify(DmpFixtures.PATIENT).status()).isEqualTo(200);
        }
        assertThat(circuitState("closed")).as("half-open trials succeeded: the circuit is closed again")
                .isEqualTo(1.0);
    }

    private record Answer(int status, String body, Duration took) {
    }

    /** FHIR Patient search by INS with a fresh signed HCP assertion: one TD0.2 check of the DMP. */
    private static Answer identify(Ins ins) {
        AssertionIssuer spain = new AssertionIssuer(PKI.signer("ES"), Clock.systemUTC());
        Document document = SoapEnvelopes.newDocument();
        Element holder = document.createElementNS("urn:test", "holder");
        document.appendChild(holder);
        String hcp = Base64.getEncoder().encodeToString(XmlSerializer.toBytes(spain.hcp(holder, DOCTOR)));
        return exchange("/fhir/Patient?identifier=urn:oid:" + ins.oid() + "%7C" + ins.value(), hcp);
    }

    private static Answer get(String path) {
        return exchange(path, null);
    }

    private static Answer exchange(String path, String hcp) {
        long started = System.nanoTime();
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                    .openConnection();
            connection.setConnectTimeout(30_000);
            connection.setReadTimeout(60_000);
            if (hcp != null) {
                connection.setRequestProperty("Accept", "application/fhir+json");
                connection.setRequestProperty("X-HCP-Assertion", hcp);
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, body, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            return new Answer(-1, e.toString(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Live threads of the JVM minus the test's own callers and the DMP stub's server threads. */
    private static int gatewayThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> !name.startsWith("caller-") && !name.startsWith("qtp") && !name.equals("watcher"))
                .count();
    }

    private static double calls(String outcome) {
        return app.getBean(MeterRegistry.class).find(DmpResilience.TIMER).tag("outcome", outcome).timers().stream()
                .mapToDouble(timer -> timer.count()).sum();
    }

    private static double circuitState(String state) {
        var gauge = app.getBean(MeterRegistry.class).find("resilience4j.circuitbreaker.state")
                .tag("name", DmpResilience.NAME).tag("state", state).gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

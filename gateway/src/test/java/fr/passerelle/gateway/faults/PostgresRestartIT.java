package fr.passerelle.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.load.Driver;
import fr.passerelle.gateway.load.FhirRoad;
import fr.passerelle.gateway.load.GatewayProcess;
import fr.passerelle.gateway.load.LevelResult;
import fr.passerelle.gateway.load.Outcome;
import fr.passerelle.gateway.load.Sample;
import fr.passerelle.gateway.load.SoapRoad;
import fr.passerelle.trust.issue.DemoPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Fault (2): PostgreSQL stopped (immediate mode: every backend aborted, as in a crash) and started again while a
 * gateway node serves signed SOAP (XCPD, XCA query, XCA retrieve) and FHIR {@code $summary} load. During the outage
 * every request is answered promptly with a refusal in its protocol's shape (SOAP fault or eHDSI error, FHIR
 * OperationOutcome) — never a hang, a stack trace or a bare error page — and once the database is back the same
 * gateway process answers with successes again, without a restart.
 */
class PostgresRestartIT {

    private static final Duration BEFORE = Duration.ofSeconds(8);
    private static final Duration OUTAGE = Duration.ofSeconds(16);
    private static final Duration AFTER = Duration.ofSeconds(20);
    /**
     * The longest a request may wait for an answer during the outage: far below the client's 30 s timeout (the
     * postgres profile gives up on a connection after 3 s; a request may try twice, e.g. its audit record).
     */
    private static final Duration PROMPT = Duration.ofSeconds(10);
    /** The postgres profile's {@code spring.datasource.hikari.connection-timeout}, plus a margin. */
    private static final Duration CONNECTION_WAIT = Duration.ofMillis(3500);
    /** How long after the restart the node may take to hand out working connections again. */
    private static final Duration RECOVERY = Duration.ofSeconds(10);

    @Test
    void requestsFailCleanlyDuringTheOutageAndSucceedAgainAfterIt() throws Exception {
        Path home = FaultNodes.home("PostgresRestartIT");
        try (PrivatePostgres postgres = PrivatePostgres.start()) {
            DemoPki pki = GatewayProcess.demoPki();
            try (GatewayProcess node = FaultNodes.start(home, "node", pki, postgres.jdbcUrl())) {
                long pid = node.pid();
                SoapRoad soapRoad = SoapRoad.open("soap", pki.signer("ES"), node.baseUrl());
                soapRoad.stock(100);
                Driver soap = new Driver(List.of(node.baseUrl()), soapRoad, Duration.ofSeconds(30));
                Driver fhir = new Driver(List.of(node.baseUrl()), new FhirRoad(pki.signer("ES")), Duration.ofSeconds(30));
                FaultNodes.warmUp(soap, 1);
                FaultNodes.warmUp(fhir, 1);
                soapRoad.stock(400);
                Duration total = BEFORE.plus(OUTAGE).plus(AFTER);
                CompletableFuture<LevelResult> soapLoad = CompletableFuture.supplyAsync(() -> run(soap, 3, total));
                CompletableFuture<LevelResult> fhirLoad = CompletableFuture.supplyAsync(() -> run(fhir, 2, total));

                Thread.sleep(BEFORE.toMillis());
                postgres.stopServer("immediate");
                long down = soap.elapsedNanos();
                Thread.sleep(OUTAGE.toMillis());
                long restarting = soap.elapsedNanos();
                postgres.startServer();
                long up = soap.elapsedNanos();

                List<Sample> samples = new ArrayList<>(soapLoad.get().samples());
                samples.addAll(fhirLoad.get().samples());
                assertThat(node.isAlive()).as("the gateway process survived").isTrue();
                assertThat(node.pid()).isEqualTo(pid);
                check(samples, down, restarting, up);
                assertThat(node.logLines("OutOfMemoryError")).isEmpty();
            }
        }
    }

    private static LevelResult run(Driver driver, int callers, Duration duration) {
        try {
            return driver.closedLoop(callers, duration, true);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(List<Sample> samples, long down, long restarting, long up) {
        assertThat(samples.stream().filter(s -> s.startNanos() < down && s.outcome() == Outcome.SUCCESS).count())
                .as("successes before the outage").isGreaterThan(5);
        assertThat(samples).as("answers in no protocol shape (stack trace, bare error page)")
                .noneMatch(s -> s.outcome() == Outcome.BROKEN);
        assertThat(samples).as("requests left without an answer").noneMatch(s -> s.outcome() == Outcome.TIMEOUT
                || s.outcome() == Outcome.NO_ANSWER);
        assertThat(samples.stream().filter(s -> s.startNanos() > down && s.startNanos() < up))
                .as("answered promptly during the outage (never a hang)")
                .allMatch(s -> s.latencyNanos() < PROMPT.toNanos());
        // Requests sent while the database was down: from a second after it stopped until a connection wait begun
        // then would end before the restart (such a request may rightly succeed once the database is back).
        List<Sample> during = samples.stream().filter(s -> s.startNanos() > down + 1_000_000_000L
                && s.startNanos() < restarting - CONNECTION_WAIT.toNanos()).toList();
        assertThat(during).as("requests during the outage").isNotEmpty();
        assertThat(during).as("refused in the protocol's shape during the outage")
                .allMatch(s -> s.outcome() == Outcome.REFUSED);
        // Both roads were refused during the outage (a caller may have been waiting through the narrow window above).
        List<Sample> outage = samples.stream().filter(s -> s.startNanos() > down && s.startNanos() < restarting
                && s.outcome() == Outcome.REFUSED).toList();
        assertThat(outage.stream().filter(s -> s.kind().equals("summary"))).as("FHIR refusals during the outage")
                .isNotEmpty();
        assertThat(outage.stream().filter(s -> !s.kind().equals("summary"))).as("SOAP refusals during the outage")
                .isNotEmpty();
        List<Sample> recovered = samples.stream().filter(s -> s.startNanos() > up + RECOVERY.toNanos()).toList();
        assertThat(recovered).as("requests once the database is back").hasSizeGreaterThan(5);
        assertThat(recovered).as("successes again without restarting the gateway")
                .allMatch(s -> s.outcome() == Outcome.SUCCESS);
    }
}

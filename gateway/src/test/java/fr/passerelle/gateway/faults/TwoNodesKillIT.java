package fr.passerelle.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.audit.AuditChainVerifier;
import fr.passerelle.gateway.audit.ChainVerification;
import fr.passerelle.gateway.load.Driver;
import fr.passerelle.gateway.load.GatewayProcess;
import fr.passerelle.gateway.load.LevelResult;
import fr.passerelle.gateway.load.Outcome;
import fr.passerelle.gateway.load.Sample;
import fr.passerelle.gateway.load.SoapRoad;
import fr.passerelle.trust.issue.DemoPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fault (1): two gateway nodes (two JVMs of the packaged jar) on one PostgreSQL under signed SOAP load (XCPD, XCA
 * query, XCA retrieve, callers spread over both nodes); one node is killed with SIGKILL mid-run. Every request that
 * got a success answer has exactly one audit record (matched by the correlation id the harness sends), no audit
 * record is duplicated, the hash chain both nodes appended to still verifies, and the surviving node keeps
 * answering with successes after the kill.
 */
class TwoNodesKillIT {

    private static final Duration BEFORE_KILL = Duration.ofSeconds(10);
    private static final Duration AFTER_KILL = Duration.ofSeconds(12);

    @Test
    void killingOneNodeLosesNoAuditRecordAndTheOtherKeepsServing() throws Exception {
        Path home = FaultNodes.home("TwoNodesKillIT");
        try (PrivatePostgres postgres = PrivatePostgres.start()) {
            DemoPki pki = GatewayProcess.demoPki();
            List<GatewayProcess> nodes = FaultNodes.startAll(home, pki, postgres.jdbcUrl(), "node-a", "node-b");
            try (GatewayProcess survivor = nodes.get(0); GatewayProcess victim = nodes.get(1)) {
                SoapRoad road = SoapRoad.open("soap", pki.signer("ES"), survivor.baseUrl());
                road.stock(100);
                Driver driver = new Driver(List.of(survivor.baseUrl(), victim.baseUrl()), road, Duration.ofSeconds(30));
                FaultNodes.warmUp(driver, 2);
                road.stock(600);
                CompletableFuture<LevelResult> load = CompletableFuture.supplyAsync(() -> {
                    try {
                        return driver.closedLoop(6, BEFORE_KILL.plus(AFTER_KILL), true);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(BEFORE_KILL.toMillis());
                long killedAt = driver.elapsedNanos();
                victim.kill();
                LevelResult result = load.get();
                check(result, killedAt, postgres);
                assertThat(survivor.isAlive()).as("the surviving node is still running").isTrue();
            }
        }
    }

    private static void check(LevelResult result, long killedAt, PrivatePostgres postgres) {
        List<Sample> samples = result.samples();
        List<Sample> broken = samples.stream().filter(s -> s.outcome() == Outcome.BROKEN).toList();
        assertThat(broken).as("answers in no protocol shape").isEmpty();
        // Both nodes served before the kill.
        for (int node = 0; node < 2; node++) {
            int n = node;
            assertThat(samples.stream().filter(s -> s.node() == n && s.startNanos() < killedAt
                    && s.outcome() == Outcome.SUCCESS).count()).as("successes on node %d before the kill", n)
                    .isGreaterThan(5);
        }
        // The survivor kept serving: after the kill (plus a second for the dead node's locks to be released by
        // PostgreSQL when its connections dropped) every request to it succeeded.
        long settled = killedAt + Duration.ofSeconds(1).toNanos();
        List<Sample> survivorAfter = samples.stream().filter(s -> s.node() == 0 && s.startNanos() > settled).toList();
        assertThat(survivorAfter).as("requests to the surviving node after the kill").hasSizeGreaterThan(10);
        assertThat(survivorAfter).as("the surviving node after the kill").allMatch(s -> s.outcome() == Outcome.SUCCESS);
        // The killed node stopped answering.
        assertThat(samples.stream().filter(s -> s.node() == 1 && s.startNanos() > settled))
                .as("the killed node after the kill").allMatch(s -> s.outcome() == Outcome.NO_ANSWER);

        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl());
        dataSource.setUser("postgres");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Map<String, Long> audited = new HashMap<>();
        // SOAP requests are audited under their WS-Addressing MessageID (urn:uuid:…), which the harness also sends
        // as X-Correlation-Id; every request of the run (probe, warm-up, load) has its own.
        jdbc.sql("SELECT correlation_id, COUNT(*) FROM audit_record GROUP BY correlation_id")
                .query((row, i) -> audited.put(row.getString(1), row.getLong(2))).list();
        List<String> succeeded = samples.stream().filter(s -> s.outcome() == Outcome.SUCCESS)
                .map(Sample::correlationId).toList();
        assertThat(succeeded).as("successful requests").hasSizeGreaterThan(50);
        assertThat(succeeded).as("successful requests without an audit record")
                .allMatch(audited::containsKey);
        assertThat(audited).as("audit records written twice for one request").allSatisfy((id, count) ->
                assertThat(count).as(id).isEqualTo(1L));
        ChainVerification chain = new AuditChainVerifier(dataSource).verify();
        assertThat(chain).as("the audit hash chain appended to by both nodes").isInstanceOf(ChainVerification.Intact.class);
        assertThat(((ChainVerification.Intact) chain).records()).isGreaterThanOrEqualTo(succeeded.size());
    }
}

package fr.passerelle.gateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.load.FhirRoad;
import fr.passerelle.gateway.load.GatewayProcess;
import fr.passerelle.gateway.load.Outcome;
import fr.passerelle.gateway.load.Soak;
import fr.passerelle.gateway.load.SoapRoad;
import fr.passerelle.trust.issue.DemoPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault (4), on demand only: a steady rate of signed SOAP and FHIR requests against one node of the packaged jar
 * (embedded H2, 512 MiB heap) for {@code -Dpasserelle.soak=<duration>} (e.g. {@code 30m}; {@code 2m} as a smoke
 * run), sampling heap in use and live threads from {@code /actuator/prometheus}; both must stay flat after the
 * warm-up ({@link fr.passerelle.gateway.load.Flatness}) and every request must succeed. Rate:
 * {@code -Dpasserelle.soak.rate} requests a second per road (default 10).
 */
@EnabledIfSystemProperty(named = "passerelle.soak", matches = ".+",
        disabledReason = "soak test on demand only: -Dpasserelle.soak=30m (smoke run: 2m)")
class SoakIT {

    @TempDir
    Path home;

    @Test
    void heapAndThreadsStayFlatUnderASteadyRate() throws Exception {
        Duration duration = fr.passerelle.gateway.load.LoadHarness.duration(System.getProperty("passerelle.soak"));
        double rate = Double.parseDouble(System.getProperty("passerelle.soak.rate", "10"));
        Duration every = Duration.ofMillis(Math.max(2_000, duration.toMillis() / 120));
        DemoPki pki = GatewayProcess.demoPki();
        try (GatewayProcess node = GatewayProcess.start(GatewayProcess.packagedJar(), home.resolve("node"), pki,
                // A bounded heap, as in production: garbage must be collected during the run for a leak to show as
                // a rising floor rather than hide in a heap that never fills.
                List.of("-Xmx512m"), List.of("--logging.level.root=WARN"), Duration.ofMinutes(6))) {
            SoapRoad soap = SoapRoad.open("soap", pki.signer("ES"), node.baseUrl());
            var fhirRun = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return Soak.run(node.baseUrl(), new FhirRoad(pki.signer("ES")), rate, duration, every, line -> { });
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Soak.Result result = Soak.run(node.baseUrl(), soap, rate, duration, every, System.out::println);
            Soak.Result fhir = fhirRun.get();
            System.out.println("soak SOAP " + result.load().row() + "\nsoak FHIR " + fhir.load().row() + "\n"
                    + result.flatness().report());
            assertThat(result.load().outcomes().get(Outcome.SUCCESS)).isEqualTo(result.load().requests());
            assertThat(fhir.load().outcomes().get(Outcome.SUCCESS)).isEqualTo(fhir.load().requests());
            assertThat(result.flatness().heapFlat()).as(result.flatness().report()).isTrue();
            assertThat(result.flatness().threadsFlat()).as(result.flatness().report()).isTrue();
        }
    }
}

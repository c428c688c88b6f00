package fr.passerelle.gateway.console.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The national health space connector as this node sees it: on the DMP, the Resilience4j circuit state and the DMP
 * calls by outcome, read from the meters the connector exports ({@code resilience4j.circuitbreaker.state},
 * {@code passerelle.dmp.calls}); on the demo health space, a local database that is always up.
 */
@Component
public class HealthSpaceStatus {

    private final MeterRegistry meters;
    private final String healthSpace;

    public HealthSpaceStatus(MeterRegistry meters, @Value("${passerelle.health-space:demo}") String healthSpace) {
        this.meters = meters;
        this.healthSpace = healthSpace;
    }

    /**
     * @param demo          the built-in demo health space (no connector, no circuit)
     * @param circuit       CLOSED, OPEN, HALF_OPEN… or "unknown" before the connector registered its meters
     * @param callsByOutcome DMP calls answered on this node since it started, by outcome
     */
    public record View(boolean demo, String circuit, Map<String, Long> callsByOutcome) {

        /** ok, warn or bad, for the page's colour. */
        public String level() {
            if (demo) {
                return "ok";
            }
            return switch (circuit) {
                case "CLOSED" -> "ok";
                case "OPEN", "FORCED_OPEN" -> "bad";
                default -> "warn";
            };
        }
    }

    public View current() {
        if (!"dmp".equalsIgnoreCase(healthSpace)) {
            return new View(true, "", Map.of());
        }
        String circuit = "unknown";
        for (Gauge gauge : meters.find("resilience4j.circuitbreaker.state").tag("name", "dmp").gauges()) {
            // One gauge per state; the current one reads 1.
            if (gauge.value() == 1.0) {
                circuit = gauge.getId().getTag("state").toUpperCase(java.util.Locale.ROOT);
            }
        }
        Map<String, Long> calls = new TreeMap<>();
        for (Timer timer : meters.find("passerelle.dmp.calls").timers()) {
            calls.merge(timer.getId().getTag("outcome"), timer.count(), Long::sum);
        }
        return new View(false, circuit, calls);
    }
}

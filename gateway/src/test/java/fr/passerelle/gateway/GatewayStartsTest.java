package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The README's promise: the jar's defaults start on a bare machine and report UP. */
class GatewayStartsTest {

    @TempDir
    Path dataDir;

    @Test
    void startsOnEmbeddedDefaultsAndReportsHealthUp() throws Exception {
        try (ConfigurableApplicationContext context = SpringApplication.run(PasserelleApplication.class,
                "--server.port=0", "--passerelle.data-dir=" + dataDir)) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(health.headers().firstValue("X-Correlation-Id")).isPresent();
            assertThat(dataDir.resolve("passerelle.mv.db")).exists();
            // Spring Security's per-filter observations are off (their cost, application.yml); others stay on.
            ObservationRegistry observations = context.getBean(ObservationRegistry.class);
            assertThat(Observation.start("spring.security.filterchains", observations).isNoop()).isTrue();
            assertThat(Observation.start("http.server.requests", observations).isNoop()).isFalse();
        }
    }
}

package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.passerelle.gateway.testsupport.DemoGatewayTest;
import fr.passerelle.gateway.testsupport.DemoOperator;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's promise: the jar's defaults start on a bare machine and report UP. The shared demo gateway is that
 * start (embedded defaults, an empty data folder; its one operator account changes nothing of the start), so this
 * class costs no application of its own.
 */
@DemoGatewayTest
class GatewayStartsTest {

    static {
        DemoOperator.install();
    }

    @LocalServerPort
    int port;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    DataSource dataSource;

    @Test
    void startsOnEmbeddedDefaultsAndReportsHealthUp() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(health.headers().firstValue("X-Correlation-Id")).isPresent();
        // The embedded database is a file in the data folder (application.yml: jdbc:h2:file:<data-dir>/passerelle).
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        assertThat(url).startsWith("jdbc:h2:file:");
        Path database = Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';')) + ".mv.db");
        assertThat(database).exists().hasFileName("passerelle.mv.db");
        // Spring Security's per-filter observations are off (their cost, application.yml); others stay on.
        assertThat(Observation.start("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(Observation.start("http.server.requests", observations).isNoop()).isFalse();
    }
}

package fr.passerelle.gateway.healthspace.dmp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * A WireMock server standing in for the DMP's three endpoints ({@code /registry}, {@code /repository},
 * {@code /patient}), started on a free port, with the connector to it: the connector tests stub its answers here
 * and read back what was sent. A subclass so the tests keep WireMock's own calls ({@code stubFor}, {@code findAll}).
 */
final class WireMockDmp extends WireMockServer {

    static final String SOAP12 = "application/soap+xml; charset=UTF-8";

    private final DmpTestPki pki;

    /** Started; stop it after the test. */
    WireMockDmp(DmpTestPki pki) {
        super(WireMockConfiguration.options().dynamicPort());
        this.pki = pki;
        start();
    }

    DmpProperties properties(DmpProperties.Resilience resilience) {
        return DmpFixtures.properties(pki, baseUrl(), resilience);
    }

    /** The connector to this DMP, as the application configures it. */
    DmpNationalHealthSpace connect(DmpProperties.Resilience resilience) {
        return connect(resilience, new SimpleMeterRegistry());
    }

    DmpNationalHealthSpace connect(DmpProperties.Resilience resilience, MeterRegistry meters) {
        return DmpHealthSpaceConfiguration.create(properties(resilience), meters, Clock.systemUTC());
    }

    /** The registry answers requests containing {@code marker} (a stored query, an id) with a SOAP body. */
    void registry(String marker, String answer) {
        stubFor(post(urlEqualTo("/registry")).withRequestBody(containing(marker)).willReturn(soap(answer)));
    }

    /** The repository answers requests containing {@code marker} with an MTOM package (an ITI-43 answer). */
    void repository(String marker, byte[] mtom) {
        stubFor(post(urlEqualTo("/repository")).withRequestBody(containing(marker)).willReturn(aResponse()
                .withHeader("Content-Type", DmpFixtures.MTOM_CONTENT_TYPE).withBody(mtom)));
    }

    /** Every request posted to one endpoint, oldest first. */
    List<LoggedRequest> requests(String path) {
        return findAll(postRequestedFor(urlEqualTo(path)));
    }

    static ResponseDefinitionBuilder soap(String body) {
        return aResponse().withHeader("Content-Type", SOAP12).withBody(body.getBytes(StandardCharsets.UTF_8));
    }
}

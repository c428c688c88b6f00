package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fr.passerelle.gateway.healthspace.DocumentKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DMP requires the organisation certificate (mutual TLS); a handshake that fails is a TLS failure. */
class DmpMutualTlsTest {

    @TempDir
    static Path keys;
    private static DmpTestPki pki;

    private WireMockServer dmp;

    @BeforeEach
    void start() {
        if (pki == null) {
            pki = DmpTestPki.create(keys);
        }
        dmp = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort()
                .keystorePath(pki.serverKeyStore.toString()).keystoreType("PKCS12")
                .keystorePassword(DmpTestPki.PASSWORD).keyManagerPassword(DmpTestPki.PASSWORD)
                .needClientAuth(true).trustStorePath(pki.serverTrustStore.toString()).trustStoreType("PKCS12")
                .trustStorePassword(DmpTestPki.PASSWORD));
        dmp.start();
        dmp.stubFor(post(urlEqualTo("/registry")).willReturn(aResponse()
                .withHeader("Content-Type", "application/soap+xml").withBody(DmpFixtures.queryResponse(List.of()))));
    }

    @AfterEach
    void stop() {
        dmp.stop();
    }

    @Test
    void theOrganisationCertificateOpensTheDmp() {
        DmpNationalHealthSpace healthSpace = connect(properties());

        assertThat(HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.PATIENT_SUMMARY))).isEmpty();
        assertThat(dmp.findAll(postRequestedFor(urlEqualTo("/registry")))).hasSize(1);
    }

    @Test
    void aCertificateTheDmpDoesNotKnowIsATlsFailure() throws Exception {
        DmpProperties base = properties();
        Path stranger = DmpTestPki.strangerKeyStore(keys);
        DmpProperties.Tls tls = base.tls();
        DmpProperties properties = new DmpProperties(base.registryUrl(), base.repositoryUrl(),
                base.patientServiceUrl(), new DmpProperties.Tls(stranger.toString(), "PKCS12", DmpTestPki.PASSWORD,
                null, null, tls.trustStore(), tls.trustStoreType(), tls.trustStorePassword()), base.identity(),
                base.resilience());

        DmpFailure failure = documentsFailure(connect(properties));

        // Under TLS 1.2 the refusal ends the handshake (TLS); under TLS 1.3 the server refuses the certificate after
        // the client considers the handshake done, and the client only sees its request fail (UNREACHABLE). Both
        // count against the DMP and give the same eHDSI error; what matters is that nothing got through.
        assertThat(failure.kind()).as(chain(failure)).isIn(DmpFailure.Kind.TLS, DmpFailure.Kind.UNREACHABLE);
        assertThat(failure.kind().countsAgainstDmp()).isTrue();
        assertThat(dmp.findAll(postRequestedFor(urlEqualTo("/registry")))).isEmpty();
    }

    @Test
    void aServerOutsideTheConfiguredTrustIsATlsFailure() {
        DmpProperties base = properties();
        DmpProperties.Tls tls = base.tls();
        // The server's own trust store holds only the organisation certificate: the DMP's is not in it.
        DmpProperties properties = new DmpProperties(base.registryUrl(), base.repositoryUrl(),
                base.patientServiceUrl(), new DmpProperties.Tls(tls.keyStore(), "PKCS12", DmpTestPki.PASSWORD, null,
                null, pki.serverTrustStore.toString(), "PKCS12", DmpTestPki.PASSWORD), base.identity(),
                base.resilience());

        DmpFailure failure = documentsFailure(connect(properties));
        assertThat(failure.kind()).as(chain(failure)).isEqualTo(DmpFailure.Kind.TLS);
    }

    private static String chain(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(" <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    private DmpProperties properties() {
        return DmpFixtures.properties(pki, "https://localhost:" + dmp.httpsPort(),
                DmpFixtures.resilience(Duration.ofSeconds(5), 1, 20, 10, Duration.ofSeconds(30)));
    }

    private static DmpNationalHealthSpace connect(DmpProperties properties) {
        return DmpHealthSpaceConfiguration.create(properties, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    private static DmpFailure documentsFailure(DmpNationalHealthSpace healthSpace) {
        return catchThrowableOfType(DmpFailure.class, () -> HealthSpaceCaller.callAs(DmpFixtures.doctor(),
                () -> healthSpace.documents(DmpFixtures.PATIENT, DocumentKind.PATIENT_SUMMARY)));
    }
}

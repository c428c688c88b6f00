package fr.passerelle.gateway.trust;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.PasserelleApplication;
import fr.passerelle.gateway.security.PasswordHashing;
import fr.passerelle.trust.Refusal;
import fr.passerelle.trust.RequestValidator;
import fr.passerelle.trust.Transaction;
import fr.passerelle.trust.VerifiedRequester;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.trustlist.DirectoryTrustList;
import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.XmlLimits;
import fr.passerelle.trust.xml.XmlSerializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The gateway's trust wiring on its defaults: a demo PKI and trust list are created in the data directory, and
 * the validator bean accepts the demo practitioner's assertions once — the replay goes to the database — and
 * operators (only) see the loaded trust list.
 */
class TrustWiringTest {

    @TempDir
    Path dataDir;

    @Test
    void demoTrustListIsSeededAndTheValidatorBeanAcceptsTheDemoPractitionerOnce() throws Exception {
        String hash = PasswordHashing.encoder().encode("operator-secret");
        try (ConfigurableApplicationContext context = SpringApplication.run(PasserelleApplication.class,
                "--server.port=0", "--passerelle.data-dir=" + dataDir,
                "--passerelle.security.operators[0].username=operator",
                "--passerelle.security.operators[0].password-hash=" + hash)) {
            assertThat(dataDir.resolve("trust-list").resolve("ES").resolve("demo-ehdsi-ca.pem")).exists();
            assertThat(dataDir.resolve("trust-list").resolve("DE").resolve("demo-ehdsi-ca.pem")).exists();
            assertThat(context.getBean(DirectoryTrustList.class).forCountry("IT")).hasSize(1);

            DemoPki pki = context.getBean(TrustConfiguration.DemoTrust.class).pki().orElseThrow();
            Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCA_QUERY);
            Element security = SoapEnvelopes.security(envelope);
            AssertionIssuer issuer = new AssertionIssuer(pki.signer("ES"), Clock.systemUTC());
            HcpClaims doctor = HcpClaims.demoDoctor("ES");
            Element hcp = issuer.hcp(security, doctor);
            String patient = "1234567890123^^^&1.2.250.1.213.1.4.10&ISO";
            issuer.trc(security, TrcClaims.treating(patient), doctor.practitionerId(), hcp.getAttribute("ID"));
            byte[] wire = XmlSerializer.toBytes(envelope);
            HardenedXml parser = new HardenedXml(XmlLimits.ENVELOPE);
            RequestValidator validator = context.getBean(RequestValidator.class);

            assertThat(validator.validate(parser.parse(wire), Transaction.XCA_QUERY, patient))
                    .isInstanceOf(VerifiedRequester.class);
            assertThat(validator.validate(parser.parse(wire), Transaction.XCA_QUERY, patient))
                    .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.check()).isEqualTo("replay"));

            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            URI trustList = URI.create("http://127.0.0.1:" + port + "/api/admin/trust-list");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(trustList).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> operator = http.send(HttpRequest.newBuilder(trustList).header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString("operator:operator-secret".getBytes(
                            StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(operator.statusCode()).isEqualTo(200);
            assertThat(operator.body()).contains("\"country\":\"ES\"", "\"country\":\"IT\"", "\"country\":\"DE\"",
                    "Demo eHDSI CA", "\"notAfter\"");
        }
    }
}

package fr.passerelle.gateway.trust;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.testsupport.DemoGatewayTest;
import fr.passerelle.gateway.testsupport.DemoOperator;
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
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The gateway's trust wiring on its defaults: a demo PKI and trust list are created in the data directory, and
 * the validator bean accepts the demo practitioner's assertions once — the replay goes to the database — and
 * operators (only) see the loaded trust list.
 */
@DemoGatewayTest
class TrustWiringTest {

    static {
        DemoOperator.install();
    }

    @Autowired
    ConfigurableApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void demoTrustListIsSeededAndTheValidatorBeanAcceptsTheDemoPractitionerOnce() throws Exception {
        // The seeded trust list, as read back from its directory: one anchor per demo country.
        DirectoryTrustList trusted = context.getBean(DirectoryTrustList.class);
        for (String country : new String[] {"ES", "IT", "DE"}) {
            assertThat(trusted.forCountry(country)).as(country).hasSize(1);
        }

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

        URI trustList = URI.create("http://127.0.0.1:" + port + "/api/admin/trust-list");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(trustList).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> operator = http.send(HttpRequest.newBuilder(trustList).header("Authorization",
                DemoOperator.basic()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(operator.body()).contains("\"country\":\"ES\"", "\"country\":\"IT\"", "\"country\":\"DE\"",
                "Demo eHDSI CA", "\"notAfter\"");
    }
}

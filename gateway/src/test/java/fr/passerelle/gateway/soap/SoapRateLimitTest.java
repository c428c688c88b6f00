package fr.passerelle.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.PasserelleApplication;
import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.SharedDocuments;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.ratelimit.RateLimitGate;
import fr.passerelle.gateway.trust.TrustConfiguration;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SOAP roads over their country's rate limit (Spain: two requests per window; the window is ten years long so
 * it never turns during the test): the third request is answered in the road's business-refusal shape with
 * ERROR_GENERIC and the reason, audited (without a patient when it names none), while Italy is still served.
 */
@SpringBootTest(classes = PasserelleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "passerelle.data-dir=${java.io.tmpdir}/passerelle-soap-ratelimit/${random.uuid}",
                "passerelle.rate-limit.window=P3650D",
                "passerelle.rate-limit.countries.ES=2"
        })
class SoapRateLimitTest {

    private static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    private static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    /** BERTHELOT Elodie, demo patient with a patient summary. */
    private static final Ins BERTHELOT = new Ins(Ins.TEST_NIR, "284056912304563");

    @LocalServerPort
    int port;

    @Autowired
    TrustConfiguration.DemoTrust demoTrust;

    @Autowired
    ConsentStore consents;

    @Autowired
    DataSource dataSource;

    @Test
    void overItsQuotaSpainIsRefusedWithErrorGenericAndItalyIsStillServed() {
        consents.change(BERTHELOT, new ConsentChange.Authorise(new ConsentTerms(new CountryScope.AllParticipating(),
                EnumSet.allOf(SharedDocuments.class), Optional.empty()), "ratelimit-test", ConsentChannel.OPERATOR));

        for (int i = 0; i < 2; i++) {
            assertThat(query("ES").text("//query:AdhocQueryResponse/@status")).isEqualTo(SUCCESS);
        }
        ReceivedXml throttled = query("ES");

        assertThat(throttled.text("//query:AdhocQueryResponse/@status")).isEqualTo(FAILURE);
        assertThat(throttled.text("//rs:RegistryError/@errorCode")).isEqualTo("ERROR_GENERIC");
        assertThat(throttled.text("//rs:RegistryError/@codeContext"))
                .contains("Rate limit exceeded for country:ES").contains("retry after");
        assertThat(throttled.count("//rim:ExtrinsicObject")).isZero();

        HttpResponse<String> xcpd = post("/xcpd", EhdsiOperation.PATIENT_DISCOVERY,
                signed("ES", EhdsiOperation.PATIENT_DISCOVERY, SoapMessages.xcpdBody(BERTHELOT), Optional.empty()));
        ReceivedXml identification = ReceivedXml.parse(xcpd.body());
        assertThat(identification.text("//hl7:acknowledgement/hl7:typeCode/@code")).isEqualTo("AA");
        assertThat(identification.text("//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("AE");
        assertThat(identification.text("//hl7:acknowledgementDetail/hl7:code/@code")).isEqualTo("ERROR_GENERIC");
        assertThat(identification.count("//hl7:subject1")).isZero();

        assertThat(query("IT").text("//query:AdhocQueryResponse/@status")).isEqualTo(SUCCESS);

        // Both throttled requests are in the trail: the query under the patient its TRC names, the XCPD one
        // (no TRC) without a patient.
        var refusals = JdbcClient.create(dataSource).sql("SELECT requesting_country, error_code, outcome, "
                        + "transaction_kind, patient_value FROM audit_record WHERE deciding_rule = ? ORDER BY seq")
                .param(RateLimitGate.RULE).query().listOfRows();
        assertThat(refusals).containsExactly(
                Map.of("requesting_country", "ES", "error_code", "ERROR_GENERIC", "outcome", "REFUSED",
                        "transaction_kind", "DOCUMENT_LIST", "patient_value", BERTHELOT.value()),
                Map.of("requesting_country", "ES", "error_code", "ERROR_GENERIC", "outcome", "REFUSED",
                        "transaction_kind", "PATIENT_IDENTIFICATION", "patient_value", ""));
    }

    private ReceivedXml query(String country) {
        HttpResponse<String> response = post("/xca", EhdsiOperation.CROSS_GATEWAY_QUERY,
                signed(country, EhdsiOperation.CROSS_GATEWAY_QUERY, SoapMessages.queryBody(BERTHELOT, "60591-5"),
                        Optional.of(BERTHELOT)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ReceivedXml.parse(response.body());
    }

    private String signed(String country, EhdsiOperation operation, String body, Optional<Ins> treated) {
        AssertionIssuer issuer = new AssertionIssuer(demoTrust.pki().orElseThrow().signer(country), Clock.systemUTC());
        return SoapMessages.signedRequest(issuer, HcpClaims.demoDoctor(country), operation, body,
                treated.map(SoapMessages::cx));
    }

    private HttpResponse<String> post(String path, EhdsiOperation operation, String envelope) {
        return SoapHttp.send(port, path, operation, envelope);
    }
}

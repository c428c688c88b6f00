package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.PasserelleApplication;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.trust.TrustConfiguration;
import fr.passerelle.trust.issue.AssertionIssuer;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The one demo gateway the SOAP end-to-end tests share (one cached application context: same configuration), and
 * Spain's demo signer, which sends their requests. Each test class sets up the consents it needs and undoes them.
 */
@SpringBootTest(classes = PasserelleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "passerelle.data-dir=${java.io.tmpdir}/passerelle-soap-e2e/${random.uuid}",
                "passerelle.soap.home-community-id=" + SoapRoadsContext.HOME,
                // Italy, and only Italy, is granted every leniency (PartnerStrictnessEndToEndTest): the other demo
                // countries meet strict IHE/eHDSI.
                "passerelle.partners.IT.lenient=retrieve-without-home-community-id,request-without-mtom,"
                        + "hcp-without-facility-type,hcp-without-authn-statement"
        })
abstract class SoapRoadsContext {

    /** The home community id these tests configure and address. */
    static final String HOME = "1.2.250.1.213.4.1.99";

    @LocalServerPort
    int port;

    @Autowired
    TrustConfiguration.DemoTrust demoTrust;

    @Autowired
    ConsentStore consents;

    @Autowired
    DataSource dataSource;

    /** Spain's NCP, signing with the demo PKI. */
    AssertionIssuer spain;

    @BeforeEach
    final void spainSigns() {
        spain = new AssertionIssuer(demoTrust.pki().orElseThrow().signer("ES"), Clock.systemUTC());
    }
}

package fr.passerelle.gateway.hardening;

import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.fhir.crossborder.CrossBorderRequesters;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.soap.DemoExchanges;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.SoapHttp;
import fr.passerelle.gateway.soap.SoapMessages;
import fr.passerelle.gateway.testsupport.DemoGatewayTest;
import fr.passerelle.gateway.testsupport.DemoOperator;
import fr.passerelle.gateway.testsupport.RawHttp;
import fr.passerelle.gateway.trust.TrustConfiguration;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attacks' common ground: the demo gateway ({@link DemoGatewayTest}, one context for every hardening test and
 * the consoles' tests), a Spanish doctor's genuine credentials for SOAP and FHIR, and raw HTTP for what no client
 * would send.
 */
@DemoGatewayTest
abstract class GatewayUnderAttack {

    static {
        DemoOperator.install();
    }

    static final Ins BERTHELOT = DemoExchanges.BERTHELOT;

    @LocalServerPort
    int port;

    @Autowired
    TrustConfiguration.DemoTrust demoTrust;

    @Autowired
    DataSource dataSource;

    @Autowired
    ConsentStore consents;

    RawHttp http() {
        return new RawHttp(port);
    }

    CountrySigner spain() {
        return demoTrust.pki().orElseThrow().signer("ES");
    }

    /** BERTHELOT shares everything with every participating country (unless a test already decided otherwise). */
    void berthelotConsents() {
        DemoExchanges.consent(consents, BERTHELOT, new CountryScope.AllParticipating());
    }

    /** A fresh bearer token of a Spanish doctor, for the patient when given. */
    String bearer(HcpClaims claims, Ins patient) {
        return CrossBorderRequesters.bearer(spain(), claims,
                patient == null ? null : SoapMessages.cx(patient), CrossBorderRequesters.AUDIENCE, 300);
    }

    Map<String, String> fhirHeaders(Ins patient) {
        return Map.of("Authorization", bearer(HcpClaims.demoDoctor("ES"), patient),
                "Accept", "application/fhir+json");
    }

    String signedSoap(EhdsiOperation operation, String body, Optional<Ins> treated, HcpClaims doctor) {
        return SoapMessages.signedRequest(new AssertionIssuer(spain(), Clock.systemUTC()), doctor, operation, body,
                treated.map(SoapMessages::cx));
    }

    String signedSoap(EhdsiOperation operation, String body, Optional<Ins> treated) {
        return signedSoap(operation, body, treated, HcpClaims.demoDoctor("ES"));
    }

    HttpResponse<String> postSoap(String path, EhdsiOperation operation, String envelope) {
        return SoapHttp.send(port, path, operation, envelope);
    }
}

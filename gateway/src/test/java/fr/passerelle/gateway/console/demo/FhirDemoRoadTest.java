package fr.passerelle.gateway.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.soap.DemoExchanges;
import fr.passerelle.gateway.testsupport.DemoGatewayTest;
import fr.passerelle.gateway.testsupport.DemoOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo page's FHIR road without a browser: it finds the patient, then reads the summary and prescriptions under
 * the id the search answered (the server's opaque id, never the INS), as a partner's client does.
 */
@DemoGatewayTest
class FhirDemoRoadTest {

    static {
        DemoOperator.install();
    }

    @Autowired
    FhirDemoRoad road;

    @Autowired
    ConsentStore consents;

    /**
     * The demo gateway is shared with other classes (ForeignPractitionerDemoTest expects LAMBERTIN's "no consent"):
     * the consent given here is taken back after the test.
     */
    @AfterEach
    void revoke() {
        consents.change(DemoExchanges.LAMBERTIN, new ConsentChange.Revoke("fhir-demo-road-test",
                ConsentChannel.OPERATOR));
    }

    @Test
    void theFhirRoadReadsTheSummaryAndPrescriptionsUnderTheSearchedId() {
        DemoExchanges.consent(consents, DemoExchanges.LAMBERTIN, new CountryScope.AllParticipating());

        DemoResult result = road.run(new DemoRequest("ES", DemoPractitioner.byKey("doctor").orElseThrow(),
                DemoExchanges.LAMBERTIN, Road.FHIR, "en"));

        assertThat(result).isInstanceOf(DemoResult.Shown.class);
        DemoResult.Shown shown = (DemoResult.Shown) result;
        assertThat(shown.steps()).extracting(ExchangeStep::httpStatus).containsOnly(200);
        assertThat(shown.steps()).extracting(ExchangeStep::endpoint).contains("/fhir/Patient/{id}/$summary");
        assertThat(shown.documents()).isNotEmpty();
    }
}

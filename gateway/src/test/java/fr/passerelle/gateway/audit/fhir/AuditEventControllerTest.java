package fr.passerelle.gateway.audit.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.gateway.access.AccessFixtures;
import fr.passerelle.gateway.audit.AuditFixtures;
import fr.passerelle.gateway.audit.AuditSearch;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.audit.atna.AtnaProperties;
import fr.passerelle.gateway.security.LoginThrottle;
import fr.passerelle.gateway.security.LoginThrottleProperties;
import fr.passerelle.gateway.security.PasswordHashing;
import fr.passerelle.gateway.security.SecurityConfiguration;
import fr.passerelle.gateway.security.SecurityProperties;
import fr.passerelle.gateway.testsupport.Databases;
import fr.passerelle.gateway.testsupport.DemoOperator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The audit trail as FHIR AuditEvents, over HTTP, for operators only: a web slice (the controller, its search, the
 * application's real security chains) over the real audit trail and search on a migrated in-memory H2 database.
 */
@WebMvcTest(controllers = AuditEventController.class, properties = {
        "passerelle.security.operators[0].username=operator",
        "passerelle.security.operators[0].password-hash=" + AuditEventControllerTest.HASH_PLACEHOLDER})
@Import({SecurityConfiguration.class, LoginThrottle.class, AuditEventSearch.class, AuditSearch.class,
        AuditEventControllerTest.AuditDatabase.class})
class AuditEventControllerTest {

    static final String HASH_PLACEHOLDER = "${passerelle.test.audit-operator-hash}";

    static {
        System.setProperty("passerelle.test.audit-operator-hash",
                PasswordHashing.encoder().encode("operator-secret"));
    }

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String PATIENT =
            "urn:oid:" + AccessFixtures.PATIENT.oid() + "|" + AccessFixtures.PATIENT.value();

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditTrail trail;
    @Autowired
    DataSource dataSource;

    /**
     * The audit tables on a fresh H2 database (Flyway), and the real trail writing to them. Imported, not annotated
     * as a configuration: the full-application tests scan the test classes too and must not find these beans.
     */
    @EnableConfigurationProperties({AtnaProperties.class, SecurityProperties.class, LoginThrottleProperties.class})
    static class AuditDatabase {
        @Bean
        DataSource auditDataSource() {
            return Databases.h2("AuditEventControllerTest").dataSource();
        }

        @Bean
        AuditTrail auditTrail(DataSource dataSource) {
            return AuditFixtures.trail(dataSource, Clock.systemUTC(), false);
        }

        // The protocol endpoints' timing filter is a servlet filter, so the slice includes it.
        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }
    }

    @BeforeEach
    void twoRecords() {
        AuditFixtures.reset(dataSource);
        trail.record(AuditFixtures.granted("1.2.250.1.999.1"));
        trail.record(AuditFixtures.refusedEmergency());
    }

    @Test
    void operatorsSearchAuditEventsByPatientAndCountry() throws Exception {
        MockHttpServletResponse byPatient = call(search("patient=" + PATIENT).header("Authorization",
                DemoOperator.basic("operator", "operator-secret")));
        MockHttpServletResponse otherCountry = call(search("country=IT").header("Authorization",
                DemoOperator.basic("operator", "operator-secret")));

        assertThat(byPatient.getStatus()).isEqualTo(200);
        assertThat(byPatient.getContentType()).startsWith("application/fhir+json");
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, byPatient.getContentAsString());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getEntry()).hasSize(2).allSatisfy(entry ->
                assertThat(entry.getResource()).isInstanceOf(AuditEvent.class));
        assertThat(((AuditEvent) bundle.getEntryFirstRep().getResource()).getOutcome())
                .as("newest first: the refused emergency request")
                .isEqualTo(AuditEvent.AuditEventOutcome._4);
        assertThat(FHIR.newJsonParser().parseResource(Bundle.class, otherCountry.getContentAsString()).getEntry())
                .isEmpty();
    }

    @Test
    void aBadParameterIsAnOperationOutcomeNamingIt() throws Exception {
        MockHttpServletResponse badCountry = call(search("country=ESP").header("Authorization",
                DemoOperator.basic("operator", "operator-secret")));

        assertThat(badCountry.getStatus()).isEqualTo(400);
        assertThat(badCountry.getContentType()).startsWith("application/fhir+json");
        assertThat(FHIR.newJsonParser().parseResource(OperationOutcome.class, badCountry.getContentAsString())
                .getIssueFirstRep().getDiagnostics()).contains("country");
    }

    @Test
    void anonymousCallersAndWrongPasswordsGet401AndNoAuditEvent() throws Exception {
        MockHttpServletResponse anonymous = call(search("patient=" + PATIENT));
        MockHttpServletResponse wrongPassword = call(search("patient=" + PATIENT).header("Authorization",
                DemoOperator.basic("operator", "not the secret")));

        for (MockHttpServletResponse refused : new MockHttpServletResponse[] {anonymous, wrongPassword}) {
            assertThat(refused.getStatus()).isEqualTo(401);
            assertThat(refused.getHeader("WWW-Authenticate")).startsWith("Basic");
            assertThat(refused.getContentAsString()).doesNotContain("AuditEvent");
        }
    }

    @Test
    void aSignedInPatientIsNoOperator() throws Exception {
        MockHttpServletResponse patient = call(search("patient=" + PATIENT)
                .with(user("lambertin").roles(SecurityConfiguration.PATIENT)));

        assertThat(patient.getStatus()).isEqualTo(403);
        assertThat(patient.getContentAsString()).doesNotContain("AuditEvent");
    }

    private static MockHttpServletRequestBuilder search(String query) {
        return get("/api/admin/audit/AuditEvent?" + query);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }
}

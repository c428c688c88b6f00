package fr.passerelle.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.ClockConfiguration;
import fr.passerelle.gateway.access.AccessDecision;
import fr.passerelle.gateway.access.AccessPolicy;
import fr.passerelle.gateway.access.AccessRequest;
import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.access.DecidingRule;
import fr.passerelle.gateway.access.Requester;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.PatientControls;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Two gateway nodes (two Spring application contexts, each with its own connection pool) on one database: a
 * consent given on one node is honoured by the other, and a revocation on one node refuses the very next request on
 * the other — there is no per-node cache to serve the revoked consent.
 */
class ConsentRevocationAcrossNodesTest {

    private static final Ins PATIENT = new Ins(Ins.TEST_NIR, "280017512345678");
    private static final AccessRequest SPANISH_GP_READS_PS = new AccessRequest(
            new Requester("ES", "ncp-es", "ES-1", "2211", "Hospital X"), PurposeOfUse.TREATMENT, PATIENT,
            Set.of(DocumentKind.PATIENT_SUMMARY), CrossBorderTransaction.DOCUMENT_RETRIEVE);

    @DatabaseTest
    void aRevocationOnOneNodeRefusesAtOnceOnTheOther(TestDatabase db) {
        try (ConfigurableApplicationContext nodeA = node(db, "a"); ConfigurableApplicationContext nodeB = node(db, "b")) {
            AccessPolicy policyA = nodeA.getBean(AccessPolicy.class);
            AccessPolicy policyB = nodeB.getBean(AccessPolicy.class);
            assertThat(nodeA.getBean(javax.sql.DataSource.class))
                    .isNotSameAs(nodeB.getBean(javax.sql.DataSource.class));

            assertThat(policyA.decide(SPANISH_GP_READS_PS, PatientControls.NONE).rule())
                    .isEqualTo(DecidingRule.NO_CONSENT);
            assertThat(policyB.decide(SPANISH_GP_READS_PS, PatientControls.NONE).rule())
                    .isEqualTo(DecidingRule.NO_CONSENT);

            nodeA.getBean(ConsentStore.class).change(PATIENT, new ConsentChange.Authorise(
                    new ConsentTerms(CountryScope.all(), EnumSet.of(SharedDocuments.PATIENT_SUMMARY),
                            Optional.empty()), "patient", ConsentChannel.PATIENT_API));
            assertThat(policyB.decide(SPANISH_GP_READS_PS, PatientControls.NONE))
                    .isInstanceOf(AccessDecision.Granted.class);
            assertThat(policyA.decide(SPANISH_GP_READS_PS, PatientControls.NONE))
                    .isInstanceOf(AccessDecision.Granted.class);

            nodeB.getBean(ConsentStore.class).change(PATIENT,
                    new ConsentChange.Revoke("patient", ConsentChannel.PATIENT_API));

            assertThat(policyA.decide(SPANISH_GP_READS_PS, PatientControls.NONE))
                    .isEqualTo(new AccessDecision.Refused(DecidingRule.CONSENT_REVOKED,
                            fr.passerelle.gateway.ehdsi.ExchangeError.ERROR_NO_CONSENT));
        }
    }

    private static ConfigurableApplicationContext node(TestDatabase db, String name) {
        return new SpringApplicationBuilder(ConsentNode.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=", "--spring.datasource.hikari.pool-name=node-" + name,
                        "--spring.application.name=node-" + name);
    }

    /** What a node needs to decide: its own pool, the clock, the consent store and the access policy. */
    @SpringBootConfiguration
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    @EnableConfigurationProperties(ConsentProperties.class)
    @Import({ClockConfiguration.class, ConsentStore.class, AccessPolicy.class})
    static class ConsentNode {
    }
}

package fr.passerelle.gateway.healthspace.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.ClockConfiguration;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code passerelle.health-space=dmp} selects the DMP; without it this configuration adds nothing. */
class DmpHealthSpaceConfigurationTest {

    @TempDir
    static Path keys;
    private static DmpTestPki pki;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DmpProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, ClockConfiguration.class, DmpHealthSpaceConfiguration.class);

    @BeforeAll
    static void keys() {
        pki = DmpTestPki.create(keys);
    }

    @Test
    void theDmpIsSelectedByTheSwitchWithTypedProperties() {
        runner.withPropertyValues("passerelle.health-space=dmp",
                        "passerelle.dmp.registry-url=https://dmp.example/registry",
                        "passerelle.dmp.repository-url=https://dmp.example/repository",
                        "passerelle.dmp.patient-service-url=https://dmp.example/patient",
                        "passerelle.dmp.tls.key-store=" + pki.organisationKeyStore,
                        "passerelle.dmp.tls.key-store-password=" + DmpTestPki.PASSWORD,
                        "passerelle.dmp.identity.structure-id=3180036000012",
                        "passerelle.dmp.identity.software-homologation=DMP-HOMOL-TEST",
                        "passerelle.dmp.resilience.read-timeout=3s",
                        "passerelle.dmp.resilience.max-attempts=3")
                .run(context -> {
                    assertThat(context).hasSingleBean(NationalHealthSpace.class);
                    assertThat(context.getBean(NationalHealthSpace.class)).isInstanceOf(DmpNationalHealthSpace.class);
                    DmpProperties properties = context.getBean(DmpProperties.class);
                    assertThat(properties.resilience().readTimeout()).hasSeconds(3);
                    assertThat(properties.resilience().maxAttempts()).isEqualTo(3);
                    assertThat(properties.resilience().maxConcurrentCalls()).as("default").isEqualTo(16);
                    assertThat(properties.identity().professions()).containsEntry("221", "10");
                });
    }

    @Test
    void theDemoStaysTheDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean(NationalHealthSpace.class));
        runner.withPropertyValues("passerelle.health-space=demo")
                .run(context -> assertThat(context).doesNotHaveBean(NationalHealthSpace.class));
    }

    @Test
    void anIncompleteDmpConfigurationStopsTheStartWithTheMissingProperty() {
        runner.withPropertyValues("passerelle.health-space=dmp")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("passerelle.dmp.registry-url must be set"));
    }
}

package fr.passerelle.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code passerelle.partners.<CC>.lenient} as an operator writes it: kebab-case names, any case of country code. */
class PartnerPropertiesTest {

    @Test
    void aCountryIsGrantedExactlyTheLeniencesWrittenForIt() {
        PartnerProperties properties = bind(Map.of(
                "passerelle.partners.de.lenient", "request-without-mtom, retrieve-without-home-community-id",
                "passerelle.partners.PT.lenient", "hcp-without-authn-statement"));

        assertThat(properties.grants("DE", Leniency.REQUEST_WITHOUT_MTOM)).isTrue();
        assertThat(properties.grants("de", Leniency.RETRIEVE_WITHOUT_HOME_COMMUNITY_ID)).isTrue();
        assertThat(properties.grants("DE", Leniency.HCP_WITHOUT_AUTHN_STATEMENT)).isFalse();
        assertThat(properties.grants("PT", Leniency.HCP_WITHOUT_AUTHN_STATEMENT)).isTrue();
        assertThat(properties.grants("ES", Leniency.REQUEST_WITHOUT_MTOM)).isFalse();
    }

    @Test
    void nothingConfiguredIsStrictForEveryone() {
        PartnerProperties properties = bind(Map.of("passerelle.soap.max-request-bytes", "1000"));

        for (Leniency leniency : Leniency.values()) {
            assertThat(properties.grants("DE", leniency)).isFalse();
        }
    }

    @Test
    void aPartnerIsNamedByItsCountryCode() {
        assertThatThrownBy(() -> bind(Map.of("passerelle.partners.germany.lenient", "request-without-mtom")))
                .hasRootCauseMessage("passerelle.partners.germany: a partner is named by its ISO 3166 alpha-2 "
                        + "country code");
    }

    @Test
    void aLeniencyIsWrittenAsItsConfigName() {
        assertThat(Leniency.HCP_WITHOUT_FACILITY_TYPE.configName()).isEqualTo("hcp-without-facility-type");
        for (Leniency leniency : Leniency.values()) {
            assertThat(bind(Map.of("passerelle.partners.IT.lenient", leniency.configName())).grants("IT", leniency))
                    .isTrue();
        }
    }

    private static PartnerProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("passerelle", Bindable.of(PartnerProperties.class));
    }
}

package fr.passerelle.gateway.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The form's checks and the switch's default, without a server. */
class DemoFormTest {

    private static final Set<String> COUNTRIES = Set.of("DE", "ES", "IT");

    @Test
    void aWellFormedRequestIsAccepted() {
        var checked = new DemoForm(" es ", "emergency", "2840 5691 2304 563", "fhir", "DE").check(COUNTRIES);
        assertThat(checked).isInstanceOf(DemoForm.Checked.Valid.class);
        DemoRequest request = ((DemoForm.Checked.Valid) checked).request();
        assertThat(request.country()).isEqualTo("ES");
        assertThat(request.road()).isEqualTo(Road.FHIR);
        assertThat(request.language()).isEqualTo("de");
        assertThat(request.patientCx()).isEqualTo("284056912304563^^^&1.2.250.1.213.1.4.10&ISO");
        assertThat(request.practitioner().claims("ES").purposeOfUse().name()).isEqualTo("EMERGENCY");
    }

    @Test
    void eachWrongFieldIsNamed() {
        var checked = new DemoForm("XX", "surgeon", "28405691230456", "SMTP", "pt").check(COUNTRIES);
        assertThat(checked).isInstanceOf(DemoForm.Checked.Invalid.class);
        assertThat(((DemoForm.Checked.Invalid) checked).errors())
                .containsOnlyKeys("country", "practitioner", "ins", "road", "language");
        assertThat(new DemoForm(null, null, null, null, null).check(COUNTRIES))
                .isInstanceOf(DemoForm.Checked.Invalid.class);
    }

    @Test
    void theInsKeyIsChecked() {
        assertThat(DemoForm.keyMatches("284056912304563")).isTrue();
        assertThat(DemoForm.keyMatches("284056912304564")).isFalse();
        // Corsica: 2A counts as 19 in the key: 97 - 1850219123456 mod 97 = 82.
        assertThat(DemoForm.keyMatches("185022A12345682")).isTrue();
        assertThat(new DemoForm("ES", "doctor", "185022A12345682", "SOAP", "en").check(COUNTRIES))
                .isInstanceOf(DemoForm.Checked.Valid.class);
    }

    @Test
    void onByDefaultOnlyWithTheEmbeddedDemoDefaults() {
        assertThat(DemoProperties.enabledIn(new MockEnvironment())).isTrue();
        assertThat(DemoProperties.enabledIn(new MockEnvironment().withProperty("passerelle.health-space", "dmp")))
                .isFalse();
        assertThat(DemoProperties.enabledIn(new MockEnvironment().withProperty("passerelle.trust.demo", "false")))
                .isFalse();
        assertThat(DemoProperties.enabledIn(new MockEnvironment().withProperty("passerelle.health-space", "dmp")
                .withProperty(DemoProperties.ENABLED, "true"))).isTrue();
        assertThat(DemoProperties.enabledIn(new MockEnvironment().withProperty(DemoProperties.ENABLED, "false")))
                .isFalse();
    }
}

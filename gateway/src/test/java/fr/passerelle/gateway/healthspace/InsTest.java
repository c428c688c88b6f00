package fr.passerelle.gateway.healthspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InsTest {

    @Test
    void acceptsOnlyInsAuthoritiesAndKeepsTheValueOutOfToString() {
        Ins ins = new Ins(Ins.TEST_NIR, "284056912304563");

        assertThat(ins.toString()).doesNotContain("284056912304563").contains(Ins.TEST_NIR);
        assertThat(Ins.isInsOid("1.2.250.1.213.1.4.8")).isTrue();
        assertThat(Ins.isInsOid("1.2.3.4.567.8.9.10")).isFalse();
        assertThatThrownBy(() -> new Ins("1.2.3.4", "284056912304563")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.2.3.4");
        assertThatThrownBy(() -> new Ins(Ins.NIR, "28 405")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("28 405");
    }

    @Test
    void documentMaskingFollowsTheFrenchConfidentialityCodesOnly() {
        Code masqueInAnotherSystem = new Code("MASQUE_PS", "9.9.9", null);

        assertThat(Confidentiality.MASQUE_PS.sameCodeAs(masqueInAnotherSystem)).isFalse();
        assertThat(Confidentiality.MASQUE_PS.sameCodeAs(
                new Code("MASQUE_PS", "1.2.250.1.213.1.1.4.13", "Masqué aux professionnels de santé"))).isTrue();
    }

    @Test
    void patientSearchNeedsAFamilyNameOrABirthDate() {
        assertThatThrownBy(() -> new PatientSearch(" ", "ELODIE", null, AdministrativeGender.FEMALE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PatientSearch(null, null, java.time.LocalDate.of(1990, 2, 27), null).toString())
                .doesNotContain("1990");
    }
}

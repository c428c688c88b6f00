package fr.passerelle.trust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatientIdentifiersTest {

    private static final String INS_OID = "1.2.250.1.213.1.4.10";

    @Test
    void theCxAndTheRootCaretIdFormsOfOnePatientAreTheSame() {
        assertThat(PatientIdentifiers.same("248117512345678^^^&" + INS_OID + "&ISO", INS_OID + "^248117512345678"))
                .isTrue();
        assertThat(PatientIdentifiers.same("'248117512345678^^^&" + INS_OID + "&ISO'",
                " 248117512345678^^^&" + INS_OID + "&ISO ")).isTrue();
    }

    @Test
    void anotherIdOrAnotherAuthorityIsAnotherPatient() {
        assertThat(PatientIdentifiers.same("248117512345678^^^&" + INS_OID + "&ISO",
                "248117512345679^^^&" + INS_OID + "&ISO")).isFalse();
        assertThat(PatientIdentifiers.same("248117512345678^^^&" + INS_OID + "&ISO",
                "248117512345678^^^&1.2.3&ISO")).isFalse();
    }

    @Test
    void textThatIsNoIdentifierMatchesNothingNotEvenItself() {
        assertThat(PatientIdentifiers.same("garbage", "garbage")).isFalse();
        assertThat(PatientIdentifiers.same("^^^&" + INS_OID + "&ISO", "^^^&" + INS_OID + "&ISO")).isFalse();
        assertThat(PatientIdentifiers.same(null, null)).isFalse();
    }
}

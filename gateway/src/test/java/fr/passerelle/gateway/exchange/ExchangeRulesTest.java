package fr.passerelle.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.healthspace.AdministrativeGender;
import fr.passerelle.gateway.healthspace.FrenchPatient;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.PatientSearch;
import fr.passerelle.trust.VerifiedRequester;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The exchange's own small rules, without a server: TRC patient binding, traits beside an INS, error kinds. */
class ExchangeRulesTest {

    static final Ins PATIENT = new Ins(Ins.TEST_NIR, "284056912304563");

    static VerifiedRequester treating(String trcPatient) {
        return new VerifiedRequester("dr@be", "Dr", "Hospital", "org-1", "BE", "Medical Doctors", "221",
                PurposeOfUse.TREATMENT, Set.of("PRD-006"), "", "", Optional.ofNullable(trcPatient), "hcp-1",
                Optional.empty(), Optional.empty(), Instant.now().plusSeconds(60));
    }

    @Test
    void trcPatientIsComparedInBothIheForms() {
        assertThat(TreatedPatient.matches(treating("284056912304563^^^&1.2.250.1.213.1.4.10&ISO"), PATIENT)).isTrue();
        assertThat(TreatedPatient.matches(treating("1.2.250.1.213.1.4.10^284056912304563"), PATIENT)).isTrue();
        assertThat(TreatedPatient.matches(treating("156113523811249^^^&1.2.250.1.213.1.4.10&ISO"), PATIENT)).isFalse();
        // Same value under another INS authority is another identifier.
        assertThat(TreatedPatient.matches(treating("284056912304563^^^&1.2.250.1.213.1.4.8&ISO"), PATIENT)).isFalse();
        assertThat(TreatedPatient.matches(treating(null), PATIENT)).isTrue();
    }

    @Test
    void traitsGivenBesideAnInsMustAgreeWithIt() {
        FrenchPatient patient = new FrenchPatient(PATIENT, List.of("ELODIE", "MARIE"), "BERTHELOT",
                LocalDate.of(1984, 5, 12), AdministrativeGender.FEMALE, null, null);
        assertThat(PatientIdentification.agrees(patient,
                new PatientSearch("Berthelot", "Élodie", LocalDate.of(1984, 5, 12), AdministrativeGender.FEMALE)))
                .isTrue();
        assertThat(PatientIdentification.agrees(patient,
                new PatientSearch("BERTHELOT", null, LocalDate.of(1984, 5, 13), null))).isFalse();
        assertThat(PatientIdentification.agrees(patient,
                new PatientSearch("MARTIN", null, null, null))).isFalse();
        assertThat(PatientIdentification.agrees(patient,
                new PatientSearch(null, "MARIE", LocalDate.of(1984, 5, 12), AdministrativeGender.MALE))).isFalse();
    }

    @Test
    void aQueryNeedsAnInsOrTraits() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PatientQuery(List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PatientQuery(List.of(PATIENT), Optional.empty()).toString()).doesNotContain("284056912304563");
    }
}

package fr.passerelle.gateway.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;

/** A patient has one pseudonym on every node (one key in the database), and it does not give the INS away. */
class PatientPseudonymsTest {

    @DatabaseTest
    void everyNodeShowsTheSamePseudonymAndNeverTheIns(TestDatabase database) {
        Ins patient = new Ins(Ins.TEST_NIR, "284056912304563");
        PatientPseudonyms nodeA = new PatientPseudonyms(database.dataSource());
        PatientPseudonyms nodeB = new PatientPseudonyms(database.dataSource());

        String pseudonym = nodeA.of(patient);
        assertThat(pseudonym).matches("P-[0-9A-F]{12}").doesNotContain(patient.value());
        assertThat(nodeB.of(patient)).isEqualTo(pseudonym);
        assertThat(nodeA.of(new Ins(Ins.TEST_NIR, "156113523811249"))).isNotEqualTo(pseudonym);
        // Same number on another INS kind: another person.
        assertThat(nodeA.of(new Ins(Ins.NIR, "284056912304563"))).isNotEqualTo(pseudonym);
    }
}

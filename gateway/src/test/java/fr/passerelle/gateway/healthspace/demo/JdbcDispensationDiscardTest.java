package fr.passerelle.gateway.healthspace.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.healthspace.DiscardReceipt;
import fr.passerelle.gateway.healthspace.DiscardRefusedException;
import fr.passerelle.gateway.healthspace.DispensationRefusedException;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.FrenchDispensation;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.time.OffsetDateTime;

/** Discarding a dispensation in the JDBC health space, on H2 and PostgreSQL. */
class JdbcDispensationDiscardTest {

    private static final OffsetDateTime WHEN = OffsetDateTime.parse("2026-01-15T09:30:00+01:00");

    @DatabaseTest
    void aDiscardReleasesTheLineOnceAndADiscardedIdCannotBeResubmitted(TestDatabase db) {
        var healthSpace = DemoData.seededHealthSpace(db);
        Ins patient = DemoData.ins(DemoData.patient("lefevre"));
        String prescription = healthSpace.documents(patient, DocumentKind.EPRESCRIPTION).get(0).uniqueId();
        String line = firstDispensableLine(healthSpace, prescription);
        FrenchDispensation dispensation = new FrenchDispensation("2.25.77^disp-1", prescription, line, WHEN, "ES", null);
        healthSpace.submitDispensation(patient, dispensation);
        assertThat(dispensationOf(healthSpace, prescription, line)).isEqualTo("2.25.77^disp-1");

        DiscardReceipt first = healthSpace.discardDispensation(patient, "2.25.77^disp-1");
        DiscardReceipt again = healthSpace.discardDispensation(patient, "2.25.77^disp-1");

        assertThat(first).isEqualTo(new DiscardReceipt("2.25.77^disp-1", prescription, line, false));
        assertThat(again.alreadyDiscarded()).isTrue();
        assertThat(dispensationOf(healthSpace, prescription, line)).isNull();
        assertThatThrownBy(() -> healthSpace.submitDispensation(patient, dispensation))
                .isInstanceOfSatisfying(DispensationRefusedException.class, refused -> assertThat(refused.reason())
                        .isEqualTo(DispensationRefusedException.Reason.CONFLICTING_RESUBMISSION));

        healthSpace.submitDispensation(patient, new FrenchDispensation("2.25.77^disp-2", prescription, line, WHEN,
                "ES", null));
        assertThat(dispensationOf(healthSpace, prescription, line)).isEqualTo("2.25.77^disp-2");
        assertThat(healthSpace.discardDispensation(patient, "2.25.77^disp-1").alreadyDiscarded())
                .as("discarding the old dispensation again leaves the new one alone").isTrue();
        assertThat(dispensationOf(healthSpace, prescription, line)).isEqualTo("2.25.77^disp-2");
    }

    @DatabaseTest
    void anUnknownOrForeignDispensationIsNotDiscarded(TestDatabase db) {
        var healthSpace = DemoData.seededHealthSpace(db);
        Ins patient = DemoData.ins(DemoData.patient("lefevre"));
        Ins other = DemoData.ins(DemoData.patient("berthelot"));
        String prescription = healthSpace.documents(patient, DocumentKind.EPRESCRIPTION).get(0).uniqueId();
        String line = firstDispensableLine(healthSpace, prescription);
        healthSpace.submitDispensation(patient, new FrenchDispensation("2.25.78^d", prescription, line, WHEN, "ES",
                null));

        assertThatThrownBy(() -> healthSpace.discardDispensation(patient, "2.25.78^unknown"))
                .isInstanceOfSatisfying(DiscardRefusedException.class, refused -> assertThat(refused.reason())
                        .isEqualTo(DiscardRefusedException.Reason.UNKNOWN_DISPENSATION));
        assertThatThrownBy(() -> healthSpace.discardDispensation(other, "2.25.78^d"))
                .isInstanceOfSatisfying(DiscardRefusedException.class, refused -> assertThat(refused.reason())
                        .isEqualTo(DiscardRefusedException.Reason.OTHER_PATIENT));
        assertThat(dispensationOf(healthSpace, prescription, line)).isEqualTo("2.25.78^d");
    }

    private static String firstDispensableLine(JdbcNationalHealthSpace healthSpace, String prescription) {
        return healthSpace.prescriptionLines(prescription).stream().filter(l -> !l.dispensed()).findFirst()
                .orElseThrow().lineId();
    }

    private static String dispensationOf(JdbcNationalHealthSpace healthSpace, String prescription, String line) {
        return healthSpace.prescriptionLines(prescription).stream().filter(l -> l.lineId().equals(line))
                .findFirst().orElseThrow().dispensationId();
    }
}

package fr.passerelle.gateway.healthspace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.healthspace.DispensationReceipt;
import fr.passerelle.gateway.healthspace.DispensationRefusedException;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.FrenchDispensation;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Dispensations racing each other: one line is consumed once, one id is recorded once. */
class ConcurrentDispensationTest {

    private static final int RACERS = 4;

    @DatabaseTest
    void theSameDispensationSubmittedConcurrentlyIsRecordedOnce(TestDatabase db) throws Exception {
        var healthSpace = DemoData.seededHealthSpace(db);
        Ins patient = DemoData.ins(DemoData.patient("berthelot"));
        String prescription = healthSpace.documents(patient, DocumentKind.EPRESCRIPTION).get(0).uniqueId();
        String line = healthSpace.prescriptionLines(prescription).get(0).lineId();
        FrenchDispensation dispensation = new FrenchDispensation("race-same-id", prescription, line,
                OffsetDateTime.parse("2026-01-15T09:30:00+01:00"), null, null);

        List<Object> outcomes = race(() -> healthSpace.submitDispensation(patient, dispensation));

        assertThat(outcomes).allMatch(DispensationReceipt.class::isInstance);
        assertThat(outcomes).filteredOn(o -> !((DispensationReceipt) o).duplicate()).hasSize(1);
        assertThat(healthSpace.prescriptionLines(prescription).get(0).dispensationId()).isEqualTo("race-same-id");
    }

    @DatabaseTest
    void differentDispensationsOfOneLineRacingLetExactlyOneThrough(TestDatabase db) throws Exception {
        var healthSpace = DemoData.seededHealthSpace(db);
        Ins patient = DemoData.ins(DemoData.patient("lambertin"));
        String prescription = healthSpace.documents(patient, DocumentKind.EPRESCRIPTION).get(0).uniqueId();
        String line = healthSpace.prescriptionLines(prescription).get(1).lineId();
        var ids = new java.util.concurrent.atomic.AtomicInteger();

        List<Object> outcomes = race(() -> healthSpace.submitDispensation(patient, new FrenchDispensation(
                "race-" + ids.incrementAndGet(), prescription, line, OffsetDateTime.parse("2026-01-15T09:30:00Z"),
                null, null)));

        assertThat(outcomes).filteredOn(DispensationReceipt.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(DispensationRefusedException.class::isInstance).hasSize(RACERS - 1)
                .allMatch(e -> ((DispensationRefusedException) e).reason()
                        == DispensationRefusedException.Reason.ALREADY_DISPENSED);
        assertThat(healthSpace.prescriptionLines(prescription)).filteredOn(PrescriptionLine::dispensed).hasSize(1);
    }

    private static List<Object> race(Callable<DispensationReceipt> submission) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<DispensationReceipt>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(submission));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<DispensationReceipt> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}

package fr.passerelle.gateway.healthspace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.PasserelleApplication;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A bare start (empty data folder, embedded defaults) serves the demo patients; a restart duplicates nothing. */
class DemoHealthSpaceStartupTest {

    @TempDir
    Path dataDir;

    @Test
    void firstStartSeedsTheDemoPatientsAndASecondStartDuplicatesNothing() {
        DemoDataSet manifest = DemoData.manifest();
        List<Long> afterFirstStart;
        try (ConfigurableApplicationContext gateway = start()) {
            NationalHealthSpace healthSpace = gateway.getBean(NationalHealthSpace.class);
            assertThat(healthSpace).isInstanceOf(JdbcNationalHealthSpace.class);
            for (DemoDataSet.Patient patient : manifest.patients()) {
                assertThat(healthSpace.findPatient(DemoData.ins(patient))).as(patient.key()).isPresent();
                assertThat(healthSpace.documents(DemoData.ins(patient), DocumentKind.PATIENT_SUMMARY)).isNotEmpty();
                assertThat(healthSpace.documents(DemoData.ins(patient), DocumentKind.EPRESCRIPTION)).isNotEmpty();
            }
            afterFirstStart = counts(gateway);
        }
        assertThat(afterFirstStart.get(0)).isEqualTo(manifest.patients().size());

        try (ConfigurableApplicationContext gateway = start()) {
            assertThat(counts(gateway)).isEqualTo(afterFirstStart);
            assertThat(JdbcClient.create(gateway.getBean(DataSource.class)).sql("SELECT COUNT(*) FROM hs_seed")
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(PasserelleApplication.class, "--server.port=0",
                "--passerelle.data-dir=" + dataDir);
    }

    private static List<Long> counts(ConfigurableApplicationContext gateway) {
        JdbcClient jdbc = JdbcClient.create(gateway.getBean(DataSource.class));
        return List.of("hs_patient", "hs_document", "hs_document_confidentiality", "hs_prescription_line",
                        "hs_blocked_professional", "hs_patient_controls").stream()
                .map(table -> jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single())
                .toList();
    }
}

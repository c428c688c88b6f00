package fr.passerelle.gateway.patient;

import fr.passerelle.gateway.healthspace.Ins;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The patients' notification addresses. */
@Repository
public class PatientContactStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public PatientContactStore(DataSource dataSource, PlatformTransactionManager transactions,
                               Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public Optional<PatientContact> find(Ins patient) {
        return jdbc.sql("SELECT email, language FROM patient_contact WHERE patient_oid = ? AND patient_value = ?")
                .params(patient.oid(), patient.value())
                .query((row, n) -> new PatientContact(row.getString(1), PatientLanguage.valueOf(row.getString(2))))
                .optional();
    }

    public void save(Ins patient, PatientContact contact) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM patient_contact WHERE patient_oid = ? AND patient_value = ?")
                    .params(patient.oid(), patient.value()).update();
            jdbc.sql("INSERT INTO patient_contact (patient_oid, patient_value, email, language, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(patient.oid(), patient.value(), contact.email(), contact.language().name(),
                            clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        });
    }

    public void remove(Ins patient) {
        jdbc.sql("DELETE FROM patient_contact WHERE patient_oid = ? AND patient_value = ?")
                .params(patient.oid(), patient.value()).update();
    }
}

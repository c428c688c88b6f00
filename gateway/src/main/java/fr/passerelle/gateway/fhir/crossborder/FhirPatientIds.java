package fr.passerelle.gateway.fhir.crossborder;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.exchange.ExchangeRefusal;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.healthspace.Ins;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The installation's {@link PatientIds}: its key is drawn at random once and kept in {@code fhir_patient_id_key}
 * (V9), so every node and every restart gives a patient the same id. Read on first use, not at start, so the
 * database is migrated by then.
 */
@Component
public class FhirPatientIds {

    private final JdbcClient jdbc;
    private volatile PatientIds ids;

    public FhirPatientIds(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public String idOf(Ins ins) {
        return ids().idOf(ins);
    }

    /** {@code Patient/<id>} of a patient. */
    public String referenceOf(Ins ins) {
        return "Patient/" + idOf(ins);
    }

    /** The INS of an id this installation made, or empty. */
    public Optional<Ins> insOf(String id) {
        return ids().insOf(id);
    }

    /**
     * The INS of a patient id in a request. An id this installation never made (altered, foreign, an INS written as
     * an id) names no patient: 404 {@code ERROR_PI_NO_MATCH}, as for a patient nobody has.
     */
    Ins insOfRequested(String id) {
        return insOf(id).orElseThrow(() -> FhirRefusal.of(new ExchangeRefusal(ExchangeError.ERROR_PI_NO_MATCH,
                "no patient has this id (patient ids are the server's own, from Patient?identifier=)")));
    }

    private PatientIds ids() {
        PatientIds known = ids;
        if (known != null) {
            return known;
        }
        String stored = jdbc.sql("SELECT secret FROM fhir_patient_id_key WHERE id = 1").query(String.class)
                .optional().orElse(null);
        if (stored == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                jdbc.sql("INSERT INTO fhir_patient_id_key (id, secret) VALUES (1, ?)")
                        .param(HexFormat.of().formatHex(fresh)).update();
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // fall through: read the key that node stored
            }
            stored = jdbc.sql("SELECT secret FROM fhir_patient_id_key WHERE id = 1").query(String.class).single();
        }
        ids = new PatientIds(HexFormat.of().parseHex(stored));
        return ids;
    }
}

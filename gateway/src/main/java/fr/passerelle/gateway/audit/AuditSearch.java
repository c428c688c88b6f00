package fr.passerelle.gateway.audit;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds records by patient, time range, requesting country and outcome, newest first; or one by number. */
@Component
public class AuditSearch {

    private final JdbcClient jdbc;

    public AuditSearch(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public List<AuditRecord> find(AuditSearchCriteria criteria) {
        StringBuilder sql = new StringBuilder("SELECT " + AuditRows.COLUMNS + " FROM audit_record WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        criteria.patient().ifPresent(ins -> {
            sql.append(" AND patient_oid = ? AND patient_value = ?");
            params.add(ins.oid());
            params.add(ins.value());
        });
        criteria.from().ifPresent(from -> {
            sql.append(" AND recorded_at >= ?");
            params.add(from.atOffset(ZoneOffset.UTC));
        });
        criteria.to().ifPresent(to -> {
            sql.append(" AND recorded_at < ?");
            params.add(to.atOffset(ZoneOffset.UTC));
        });
        criteria.country().ifPresent(country -> {
            sql.append(" AND requesting_country = ?");
            params.add(country.toUpperCase(Locale.ROOT));
        });
        criteria.outcome().ifPresent(outcome -> {
            sql.append(" AND outcome = ?");
            params.add(outcome.name());
        });
        sql.append(" ORDER BY seq DESC LIMIT ").append(criteria.limit());
        return jdbc.sql(sql.toString()).params(params).query(AuditRows::read).list();
    }

    /** One record by its sequence number (the operator console's detail page). */
    public Optional<AuditRecord> bySeq(long seq) {
        return jdbc.sql("SELECT " + AuditRows.COLUMNS + " FROM audit_record WHERE seq = ?").param(seq)
                .query(AuditRows::read).optional();
    }
}

package fr.passerelle.gateway.soap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail's rows for one SOAP request, found by its correlation id (the request's wsa:MessageID), with the
 * column names upper-cased so H2 and PostgreSQL read alike. Shared by the SOAP end-to-end tests.
 */
public final class AuditRows {

    private AuditRows() {
    }

    public static List<Map<String, Object>> of(DataSource dataSource, String correlationId) {
        return JdbcClient.create(dataSource)
                .sql("SELECT * FROM audit_record WHERE correlation_id = ? ORDER BY seq").param(correlationId)
                .query().listOfRows().stream().map(row -> {
                    Map<String, Object> upper = new LinkedHashMap<>();
                    row.forEach((key, value) -> upper.put(key.toUpperCase(Locale.ROOT), value));
                    return upper;
                }).toList();
    }
}

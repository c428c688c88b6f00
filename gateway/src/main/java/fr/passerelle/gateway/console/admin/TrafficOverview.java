package fr.passerelle.gateway.console.admin;

import fr.passerelle.gateway.access.CrossBorderTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cross-border traffic of the last minutes, counted in the audit table: every node writes there, so the figures are
 * the whole cluster's. Counting is done by the database (grouped by minute), never by loading the records.
 */
@Component
public class TrafficOverview {

    /** How far back the overview looks, in minutes. */
    public static final int WINDOW_MINUTES = 60;
    /** Countries drawn one by one; the others are summed under "other". */
    static final int TOP_COUNTRIES = 6;

    // EXTRACT(EPOCH ...) works on H2 (PostgreSQL mode) and PostgreSQL alike.
    private static final String MINUTE = "FLOOR(EXTRACT(EPOCH FROM recorded_at) / 60)";

    private final JdbcClient jdbc;
    private final Clock clock;

    public TrafficOverview(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /**
     * The window's figures.
     *
     * @param firstMinute     epoch minute of the first bucket (buckets run to the current minute)
     * @param byTransaction   per transaction label, one count per minute
     * @param byCountry       per requesting country (the busiest ones, then "other"), one count per minute
     * @param refusalsByCode  refused or failed transactions per eHDSI error code, most frequent first
     */
    public record Window(long firstMinute, int minutes, long total, long refused,
                         Map<String, long[]> byTransaction, Map<String, long[]> byCountry,
                         Map<String, Long> refusalsByCode) {
    }

    public Window lastHour() {
        Instant now = clock.instant();
        long currentMinute = now.getEpochSecond() / 60;
        long firstMinute = currentMinute - WINDOW_MINUTES + 1;
        Instant since = Instant.ofEpochSecond(firstMinute * 60);
        Object from = since.atOffset(ZoneOffset.UTC);

        Map<String, long[]> byTransaction = new LinkedHashMap<>();
        for (CrossBorderTransaction transaction : CrossBorderTransaction.values()) {
            byTransaction.put(label(transaction), new long[WINDOW_MINUTES]);
        }
        long[] total = {0};
        jdbc.sql("SELECT " + MINUTE + " AS bucket, transaction_kind, COUNT(*) AS n FROM audit_record"
                        + " WHERE recorded_at >= ? GROUP BY " + MINUTE + ", transaction_kind")
                .param(from)
                .query(row -> {
                    int bucket = (int) (row.getLong("bucket") - firstMinute);
                    long n = row.getLong("n");
                    String label = label(CrossBorderTransaction.valueOf(row.getString("transaction_kind")));
                    if (bucket >= 0 && bucket < WINDOW_MINUTES) {
                        byTransaction.get(label)[bucket] += n;
                        total[0] += n;
                    }
                });

        Map<String, long[]> countries = new TreeMap<>();
        jdbc.sql("SELECT " + MINUTE + " AS bucket, requesting_country, COUNT(*) AS n FROM audit_record"
                        + " WHERE recorded_at >= ? GROUP BY " + MINUTE + ", requesting_country")
                .param(from)
                .query(row -> {
                    int bucket = (int) (row.getLong("bucket") - firstMinute);
                    if (bucket >= 0 && bucket < WINDOW_MINUTES) {
                        countries.computeIfAbsent(row.getString("requesting_country"),
                                c -> new long[WINDOW_MINUTES])[bucket] += row.getLong("n");
                    }
                });

        Map<String, Long> refusals = new LinkedHashMap<>();
        long[] refused = {0};
        jdbc.sql("SELECT error_code, COUNT(*) AS n FROM audit_record WHERE recorded_at >= ? AND outcome <> 'SUCCESS'"
                        + " GROUP BY error_code ORDER BY COUNT(*) DESC, error_code")
                .param(from)
                .query(row -> {
                    String code = row.getString("error_code");
                    long n = row.getLong("n");
                    refusals.put(code == null || code.isBlank() ? "(no code)" : code, n);
                    refused[0] += n;
                });
        return new Window(firstMinute, WINDOW_MINUTES, total[0], refused[0], byTransaction, busiest(countries),
                refusals);
    }

    /** The busiest countries one by one, the rest summed as "other", so the chart stays readable. */
    static Map<String, long[]> busiest(Map<String, long[]> countries) {
        List<Map.Entry<String, long[]>> ranked = countries.entrySet().stream()
                .sorted((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue()))).toList();
        Map<String, long[]> shown = new LinkedHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            Map.Entry<String, long[]> entry = ranked.get(i);
            if (i < TOP_COUNTRIES) {
                shown.put(entry.getKey(), entry.getValue());
            } else {
                long[] other = shown.computeIfAbsent("other", k -> new long[entry.getValue().length]);
                for (int m = 0; m < other.length; m++) {
                    other[m] += entry.getValue()[m];
                }
            }
        }
        return shown;
    }

    static long sum(long[] counts) {
        return Arrays.stream(counts).sum();
    }

    /**
     * The audit records the transaction, not the road: the SOAP service is named with the FHIR interaction that
     * does the same thing.
     */
    static String label(CrossBorderTransaction transaction) {
        return switch (transaction) {
            case PATIENT_IDENTIFICATION -> "Identification (XCPD / FHIR Patient)";
            case DOCUMENT_LIST -> "Document list (XCA query / FHIR search)";
            case DOCUMENT_RETRIEVE -> "Retrieve (XCA retrieve / FHIR read)";
            case DISPENSATION -> "Dispensation (XDR / FHIR transaction)";
        };
    }
}

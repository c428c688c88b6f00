package fr.passerelle.gateway.audit;

import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads and writes {@code audit_record} rows; lists are stored one value per line. */
public final class AuditRows {

    static final String COLUMNS = "seq, recorded_at, transaction_kind, requesting_country, requesting_ncp, "
            + "professional_id, professional_role, organisation, purpose_of_use, patient_oid, patient_value, "
            + "document_kinds, documents, outcome, deciding_rule, error_code, correlation_id, assertion_ids, "
            + "previous_hash, record_hash";

    private AuditRows() {
    }

    static void insert(JdbcClient jdbc, AuditRecord r) {
        jdbc.sql("INSERT INTO audit_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?)")
                .params(r.seq(), r.recordedAt().atOffset(ZoneOffset.UTC), r.transaction().name(),
                        r.requestingCountry(), r.requestingNcp(), r.professionalId(), r.professionalRole(),
                        r.organisation(), r.purpose().map(Enum::name).orElse(""), r.patient().map(Ins::oid).orElse(""),
                        r.patient().map(Ins::value).orElse(""),
                        r.documentKinds().stream().map(DocumentKind::name).sorted().collect(Collectors.joining(",")),
                        String.join("\n", r.documentIds()), r.outcome().name(), r.decidingRule(), r.errorCode(),
                        r.correlationId(), String.join("\n", r.assertionIds()), r.previousHash(), r.recordHash())
                .update();
    }

    public static AuditRecord read(ResultSet row, int rowNumber) throws SQLException {
        return new AuditRecord(row.getLong("seq"),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                CrossBorderTransaction.valueOf(row.getString("transaction_kind")),
                row.getString("requesting_country"), row.getString("requesting_ncp"),
                row.getString("professional_id"), row.getString("professional_role"),
                row.getString("organisation"), purpose(row.getString("purpose_of_use")),
                patient(row.getString("patient_oid"), row.getString("patient_value")),
                kinds(row.getString("document_kinds")), lines(row.getString("documents")),
                AuditOutcome.valueOf(row.getString("outcome")), row.getString("deciding_rule"),
                row.getString("error_code"), row.getString("correlation_id"),
                lines(row.getString("assertion_ids")), row.getString("previous_hash"),
                row.getString("record_hash"));
    }

    /** One line per value: line breaks inside a value would change the list when read back, so they become spaces. */
    static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]", " ");
    }

    /**
     * At most {@code max} characters: an unattributed request's correlation id is whatever the (unbelieved) client
     * sent, and must not make the insert fail.
     */
    static String bounded(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Empty for an unattributed record (no verified requester stated a purpose). */
    private static Optional<PurposeOfUse> purpose(String stored) {
        return stored.isEmpty() ? Optional.empty() : Optional.of(PurposeOfUse.valueOf(stored));
    }

    /** Empty for a record that concerns no identified patient. */
    private static Optional<Ins> patient(String oid, String value) {
        return oid.isEmpty() ? Optional.empty() : Optional.of(new Ins(oid, value));
    }

    private static List<String> lines(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n", -1));
    }

    private static Set<DocumentKind> kinds(String stored) {
        return stored == null || stored.isEmpty() ? Set.of()
                : Arrays.stream(stored.split(",")).map(DocumentKind::valueOf).collect(Collectors.toSet());
    }
}

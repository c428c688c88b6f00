package fr.passerelle.gateway.consent;

import fr.passerelle.gateway.healthspace.Ins;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Versioned consents in the database. Deliberately uncached: every {@link #current(Ins)} is a query, so a revocation
 * written by any node is what the next decision on every node reads.
 */
@Repository
public class ConsentStore {

    private static final int MAX_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final Clock clock;

    public ConsentStore(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** The patient's latest version, if they ever decided anything. */
    public Optional<ConsentVersion> current(Ins patient) {
        return jdbc.sql("""
                        SELECT * FROM consent_version WHERE patient_oid = ? AND patient_value = ?
                        ORDER BY version DESC LIMIT 1""")
                .params(patient.oid(), patient.value())
                .query(this::read)
                .optional();
    }

    /** Every version, oldest first. */
    public List<ConsentVersion> history(Ins patient) {
        return jdbc.sql("SELECT * FROM consent_version WHERE patient_oid = ? AND patient_value = ? ORDER BY version")
                .params(patient.oid(), patient.value())
                .query(this::read)
                .list();
    }

    /** Appends a new version. Two simultaneous changes both land, one after the other (the primary key orders them). */
    public ConsentVersion change(Ins patient, ConsentChange change) {
        for (int attempt = 1; ; attempt++) {
            long next = current(patient).map(ConsentVersion::version).orElse(0L) + 1;
            ConsentVersion version = new ConsentVersion(patient, next, change.status(), change.grantedTerms(),
                    clock.instant(), change.changedBy(), change.channel());
            try {
                insert(version);
                return version;
            } catch (DuplicateKeyException raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new ConsentConflictException("Consent changed concurrently, try again", raced);
                }
            }
        }
    }

    private void insert(ConsentVersion version) {
        Optional<ConsentTerms> terms = version.terms();
        boolean all = terms.map(t -> t.countries() instanceof CountryScope.AllParticipating).orElse(false);
        String countries = terms.map(t -> t.countries() instanceof CountryScope.Listed listed
                ? String.join(",", new TreeSet<>(listed.countries())) : "").orElse("");
        String documents = terms.map(t -> t.documents().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(","))).orElse("");
        OffsetDateTime until = terms.flatMap(ConsentTerms::validUntil).map(ConsentStore::utc).orElse(null);
        jdbc.sql("""
                        INSERT INTO consent_version (patient_oid, patient_value, version, status, all_countries,
                            countries, document_kinds, valid_until, changed_at, changed_by, channel)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(version.patient().oid(), version.patient().value(), version.version(),
                        version.status().name(), all, countries, documents, until, utc(version.changedAt()),
                        version.changedBy(), version.channel().name())
                .update();
    }

    private ConsentVersion read(ResultSet row, int rowNumber) throws SQLException {
        ConsentStatus status = ConsentStatus.valueOf(row.getString("status"));
        Optional<ConsentTerms> terms = Optional.empty();
        if (status == ConsentStatus.AUTHORISED) {
            CountryScope countries = row.getBoolean("all_countries") ? CountryScope.all()
                    : CountryScope.of(Set.of(row.getString("countries").split(",")));
            Set<SharedDocuments> documents = EnumSet.noneOf(SharedDocuments.class);
            Arrays.stream(row.getString("document_kinds").split(","))
                    .map(SharedDocuments::valueOf).forEach(documents::add);
            Optional<Instant> until = Optional.ofNullable(row.getObject("valid_until", OffsetDateTime.class))
                    .map(OffsetDateTime::toInstant);
            terms = Optional.of(new ConsentTerms(countries, documents, until));
        }
        return new ConsentVersion(new Ins(row.getString("patient_oid"), row.getString("patient_value")),
                row.getLong("version"), status, terms,
                row.getObject("changed_at", OffsetDateTime.class).toInstant(), row.getString("changed_by"),
                ConsentChannel.valueOf(row.getString("channel")));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

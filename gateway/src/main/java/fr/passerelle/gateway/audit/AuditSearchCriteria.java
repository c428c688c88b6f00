package fr.passerelle.gateway.audit;

import fr.passerelle.gateway.healthspace.Ins;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A search of the trail (the FHIR AuditEvent search, the patient's history, the operator console).
 *
 * @param from    inclusive
 * @param to      exclusive
 * @param outcome only records that ended this way
 * @param limit   at most this many records, newest first
 */
public record AuditSearchCriteria(Optional<Ins> patient, Optional<Instant> from, Optional<Instant> to,
                                  Optional<String> country, Optional<AuditOutcome> outcome, int limit) {

    public static final int MAX_LIMIT = 1000;

    public AuditSearchCriteria {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(outcome, "outcome");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** Any outcome. */
    public AuditSearchCriteria(Optional<Ins> patient, Optional<Instant> from, Optional<Instant> to,
                               Optional<String> country, int limit) {
        this(patient, from, to, country, Optional.empty(), limit);
    }

    public static AuditSearchCriteria forPatient(Ins patient, int limit) {
        return new AuditSearchCriteria(Optional.of(patient), Optional.empty(), Optional.empty(), Optional.empty(),
                limit);
    }
}

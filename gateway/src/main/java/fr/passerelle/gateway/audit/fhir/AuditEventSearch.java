package fr.passerelle.gateway.audit.fhir;

import fr.passerelle.gateway.audit.AuditSearch;
import fr.passerelle.gateway.audit.AuditSearchCriteria;
import fr.passerelle.gateway.audit.atna.AtnaProperties;
import fr.passerelle.gateway.healthspace.Ins;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.stereotype.Component;

/**
 * The search logic of {@code AuditEvent}: {@code patient} as {@code [system|]value} token (system
 * {@code urn:oid:<INS OID>}), {@code date} with the FHIR prefixes {@code ge gt le lt eq} (a date or a date-time,
 * days in Europe/Paris), {@code country} as ISO alpha-2, {@code _count}. Newest first.
 */
@Component
public class AuditEventSearch {

    static final int DEFAULT_COUNT = 100;
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final AuditSearch search;
    private final AuditEventMapper mapper;

    public AuditEventSearch(AuditSearch search, AtnaProperties atna) {
        this.search = search;
        this.mapper = new AuditEventMapper(atna.auditSourceId());
    }

    public List<AuditEvent> search(String patient, List<String> dates, String country, Integer count) {
        Optional<Instant> from = Optional.empty();
        Optional<Instant> to = Optional.empty();
        for (String date : dates == null ? List.<String>of() : dates) {
            Bound bound = bound(date);
            if (bound.lower() != null) {
                from = Optional.of(from.map(f -> f.isAfter(bound.lower()) ? f : bound.lower()).orElse(bound.lower()));
            }
            if (bound.upper() != null) {
                to = Optional.of(to.map(t -> t.isBefore(bound.upper()) ? t : bound.upper()).orElse(bound.upper()));
            }
        }
        int limit = count == null ? DEFAULT_COUNT : count;
        if (limit < 1 || limit > AuditSearchCriteria.MAX_LIMIT) {
            throw new InvalidAuditSearchException("_count must be between 1 and " + AuditSearchCriteria.MAX_LIMIT);
        }
        AuditSearchCriteria criteria = new AuditSearchCriteria(patient(patient), from, to, country(country), limit);
        return search.find(criteria).stream().map(mapper::toAuditEvent).toList();
    }

    private static Optional<Ins> patient(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        int bar = token.indexOf('|');
        if (bar < 0) {
            throw new InvalidAuditSearchException(
                    "patient must be system|value with system urn:oid:<INS OID>, e.g. urn:oid:1.2.250.1.213.1.4.8|…");
        }
        String system = token.substring(0, bar).replaceFirst("^urn:oid:", "");
        try {
            return Optional.of(new Ins(system, token.substring(bar + 1)));
        } catch (IllegalArgumentException e) {
            throw new InvalidAuditSearchException("patient is not an INS: " + e.getMessage());
        }
    }

    private static Optional<String> country(String country) {
        if (country == null || country.isBlank()) {
            return Optional.empty();
        }
        if (!country.matches("[A-Za-z]{2}")) {
            throw new InvalidAuditSearchException("country must be an ISO 3166-1 alpha-2 code");
        }
        return Optional.of(country);
    }

    /** [lower, upper) implied by one date parameter. */
    private record Bound(Instant lower, Instant upper) {
    }

    private static Bound bound(String parameter) {
        String prefix = parameter.length() > 2 && Character.isLetter(parameter.charAt(0)) ? parameter.substring(0, 2)
                : "eq";
        String value = prefix.equals("eq") && !parameter.startsWith("eq") ? parameter : parameter.substring(2);
        Instant start;
        Instant end;
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                start = day.atStartOfDay(FRANCE).toInstant();
                end = day.plusDays(1).atStartOfDay(FRANCE).toInstant();
            } else {
                start = OffsetDateTime.parse(value).toInstant();
                end = start.plusMillis(1);
            }
        } catch (DateTimeParseException e) {
            throw new InvalidAuditSearchException("date must be yyyy-MM-dd or an ISO date-time with offset: "
                    + parameter);
        }
        return switch (prefix) {
            case "eq" -> new Bound(start, end);
            case "ge" -> new Bound(start, null);
            case "gt" -> new Bound(end, null);
            case "lt" -> new Bound(null, start);
            case "le" -> new Bound(null, end);
            default -> throw new InvalidAuditSearchException("date prefix must be one of eq ge gt le lt: " + parameter);
        };
    }
}

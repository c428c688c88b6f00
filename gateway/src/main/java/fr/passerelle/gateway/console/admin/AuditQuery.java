package fr.passerelle.gateway.console.admin;

import fr.passerelle.gateway.audit.AuditOutcome;
import fr.passerelle.gateway.audit.AuditSearchCriteria;
import fr.passerelle.gateway.healthspace.Ins;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The audit search form as typed by an operator; {@link #criteria()} turns it into a search or says, in an
 * operator's words, what is wrong. Dates are whole UTC days, both ends included.
 *
 * @param patient    an INS value, only ever sent in a POST body (never in a URL, which logs and history keep)
 * @param patientOid the INS's OID
 */
public record AuditQuery(String from, String to, String country, String outcome, String patient, String patientOid) {

    static final int LIMIT = 100;

    public AuditQuery {
        from = trim(from);
        to = trim(to);
        country = trim(country);
        outcome = trim(outcome);
        patient = trim(patient);
        patientOid = patientOid == null || patientOid.isBlank() ? Ins.NIR : patientOid.strip();
    }

    public static AuditQuery empty() {
        return new AuditQuery("", "", "", "", "", Ins.NIR);
    }

    /** The search, or an {@link IllegalArgumentException} naming the bad field. */
    public AuditSearchCriteria criteria() {
        Optional<LocalDate> fromDay = day("from", from);
        Optional<LocalDate> toDay = day("to", to);
        if (fromDay.isPresent() && toDay.isPresent() && toDay.get().isBefore(fromDay.get())) {
            throw new IllegalArgumentException("The end date is before the start date");
        }
        Optional<String> countryCode = Optional.empty();
        if (!country.isEmpty()) {
            if (!country.matches("[A-Za-z]{2}")) {
                throw new IllegalArgumentException("Country must be a two-letter code such as BE or ES");
            }
            countryCode = Optional.of(country.toUpperCase(Locale.ROOT));
        }
        Optional<AuditOutcome> outcomeValue = Optional.empty();
        if (!outcome.isEmpty()) {
            try {
                outcomeValue = Optional.of(AuditOutcome.valueOf(outcome.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Outcome must be SUCCESS, REFUSED or FAILED");
            }
        }
        Optional<Ins> ins = Optional.empty();
        if (!patient.isEmpty()) {
            try {
                ins = Optional.of(new Ins(patientOid, patient));
            } catch (IllegalArgumentException e) {
                // The message of Ins may repeat the value: say what is wrong without it.
                throw new IllegalArgumentException(
                        "The patient is not an INS (letters and digits, on a known INS OID)");
            }
        }
        return new AuditSearchCriteria(ins, fromDay.map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)),
                toDay.map(d -> d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)), countryCode, outcomeValue,
                LIMIT);
    }

    private static Optional<LocalDate> day(String field, String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The " + field + " date must be written YYYY-MM-DD");
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}

package fr.passerelle.gateway.console.me;

import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.ConsentVersion;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.SharedDocuments;
import fr.passerelle.gateway.patient.PatientController;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sharing form: share with every participating country, with the listed ones, or with none; which documents;
 * until which day (French time, that day included).
 *
 * @param choice    {@code all}, {@code listed} or {@code none}
 * @param countries ISO 3166 codes, when {@code listed}
 * @param documents any of {@code PATIENT_SUMMARY}, {@code EPRESCRIPTIONS}, {@code ORIGINAL_CLINICAL_DOCUMENTS} (a first
 *                  form ticks the first two: the reports are an opt-in of their own)
 * @param until     {@code YYYY-MM-DD}, or empty for "until I change it"
 */
public record SharingChoice(String choice, List<String> countries, List<String> documents, String until) {

    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    public SharingChoice {
        choice = choice == null ? "" : choice.strip();
        countries = countries == null ? List.of() : countries.stream().filter(c -> c != null && !c.isBlank())
                .map(c -> c.strip().toUpperCase(Locale.ROOT)).distinct().sorted().toList();
        documents = documents == null ? List.of() : documents.stream().filter(d -> d != null && !d.isBlank())
                .map(String::strip).distinct().sorted().toList();
        until = until == null ? "" : until.strip();
    }

    /** What the form shows for the patient's current consent (or an empty choice). */
    static SharingChoice of(Optional<ConsentVersion> current) {
        Optional<ConsentTerms> terms = current.flatMap(ConsentVersion::terms);
        if (terms.isEmpty()) {
            return new SharingChoice(current.isPresent() ? "none" : "",
                    List.of(), List.of("PATIENT_SUMMARY", "EPRESCRIPTIONS"), "");
        }
        ConsentTerms t = terms.get();
        String choice = t.countries() instanceof CountryScope.Listed ? "listed" : "all";
        List<String> countries = t.countries() instanceof CountryScope.Listed listed
                ? new ArrayList<>(new TreeSet<>(listed.countries())) : List.of();
        String until = t.validUntil().map(i -> i.atZone(FRANCE).toLocalDate().minusDays(1).toString()).orElse("");
        return new SharingChoice(choice, countries, t.documents().stream().map(Enum::name).sorted().toList(), until);
    }

    /** The change this choice asks for, or a {@link SharingProblem} saying what to fix. */
    ConsentChange toChange(Instant now) throws SharingProblem.Invalid {
        if (choice.equals("none")) {
            return new ConsentChange.Revoke(PatientController.SELF, ConsentChannel.PATIENT_API);
        }
        if (!choice.equals("all") && !choice.equals("listed")) {
            throw new SharingProblem.Invalid(SharingProblem.NO_CHOICE);
        }
        CountryScope scope;
        if (choice.equals("all")) {
            scope = CountryScope.all();
        } else {
            if (countries.isEmpty()) {
                throw new SharingProblem.Invalid(SharingProblem.NO_COUNTRY);
            }
            try {
                scope = CountryScope.of(Set.copyOf(countries));
            } catch (IllegalArgumentException e) {
                throw new SharingProblem.Invalid(SharingProblem.BAD_COUNTRY);
            }
        }
        Set<SharedDocuments> shared = EnumSet.noneOf(SharedDocuments.class);
        for (String document : documents) {
            try {
                shared.add(SharedDocuments.valueOf(document));
            } catch (IllegalArgumentException e) {
                throw new SharingProblem.Invalid(SharingProblem.NO_DOCUMENT);
            }
        }
        if (shared.isEmpty()) {
            throw new SharingProblem.Invalid(SharingProblem.NO_DOCUMENT);
        }
        Optional<Instant> end = Optional.empty();
        if (!until.isEmpty()) {
            LocalDate lastDay;
            try {
                lastDay = LocalDate.parse(until);
            } catch (DateTimeParseException e) {
                throw new SharingProblem.Invalid(SharingProblem.BAD_DATE);
            }
            Instant exclusiveEnd = lastDay.plusDays(1).atStartOfDay(FRANCE).toInstant();
            if (!exclusiveEnd.isAfter(now)) {
                throw new SharingProblem.Invalid(SharingProblem.PAST_DATE);
            }
            end = Optional.of(exclusiveEnd);
        }
        return new ConsentChange.Authorise(new ConsentTerms(scope, shared, end), PatientController.SELF,
                ConsentChannel.PATIENT_API);
    }
}

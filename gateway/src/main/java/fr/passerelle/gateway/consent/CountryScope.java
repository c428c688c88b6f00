package fr.passerelle.gateway.consent;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The countries a consent covers: every country participating in MyHealth@EU, or a chosen list. */
public sealed interface CountryScope {

    boolean covers(String countryCode);

    /** Every participating country (the trust list decides which countries can ask at all). */
    record AllParticipating() implements CountryScope {
        @Override
        public boolean covers(String countryCode) {
            return true;
        }
    }

    /** Only the listed countries, ISO 3166-1 alpha-2 upper case. */
    record Listed(Set<String> countries) implements CountryScope {
        public Listed {
            Objects.requireNonNull(countries, "countries");
            TreeSet<String> normalised = new TreeSet<>();
            for (String country : countries) {
                normalised.add(normalise(country));
            }
            if (normalised.isEmpty()) {
                throw new IllegalArgumentException("A list of countries must name at least one country");
            }
            countries = Set.copyOf(normalised);
        }

        @Override
        public boolean covers(String countryCode) {
            return countryCode != null && countries.contains(countryCode.toUpperCase(Locale.ROOT));
        }
    }

    static CountryScope all() {
        return new AllParticipating();
    }

    static CountryScope of(Set<String> countries) {
        return new Listed(countries);
    }

    /** Validates an ISO 3166-1 alpha-2 code (EL for Greece, as eHDSI writes it, is accepted). */
    static String normalise(String country) {
        if (country == null || !country.matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 country code: " + country);
        }
        String upper = country.toUpperCase(Locale.ROOT);
        if (!upper.equals("EL") && !Set.of(Locale.getISOCountries()).contains(upper)) {
            throw new IllegalArgumentException("Unknown country code: " + upper);
        }
        return upper;
    }
}

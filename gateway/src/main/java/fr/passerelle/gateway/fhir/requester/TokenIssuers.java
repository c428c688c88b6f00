package fr.passerelle.gateway.fhir.requester;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Whether a bearer token's {@code iss} is an issuer of the country its signer certificate is trusted for. Either the
 * operator lists a country's issuers ({@code passerelle.fhir.security.issuers.<CC>}) and {@code iss} must be one of
 * them, or none is listed and {@code iss} must name that country the way the issuer of an eHDSI HCP assertion does
 * ({@code urn:idp:<CC>:countryB}, OpenNCP's convention, which trust reads the same way on the SOAP road): a URN whose
 * third part is the two-letter country code. A token signed by one country's NCP and claiming another's issuer is
 * refused either way.
 */
final class TokenIssuers {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final Map<String, Set<String>> byCountry;

    TokenIssuers(Map<String, List<String>> configured) {
        Map<String, Set<String>> copy = new TreeMap<>();
        if (configured != null) {
            configured.forEach((country, issuers) -> copy.put(country.toUpperCase(Locale.ROOT), Set.copyOf(issuers)));
        }
        this.byCountry = Map.copyOf(copy);
    }

    /** Why {@code iss} is not an issuer of {@code country}, or empty when it is. */
    Optional<String> mismatch(String iss, String country) {
        Set<String> listed = byCountry.get(country);
        if (listed != null && !listed.isEmpty()) {
            return listed.contains(iss) ? Optional.empty()
                    : Optional.of("iss is not an issuer configured for " + country
                            + " (passerelle.fhir.security.issuers." + country + ")");
        }
        Optional<String> named = countryNamedBy(iss);
        if (named.isEmpty()) {
            return Optional.of("iss must name the signer's country as urn:<namespace>:" + country
                    + ":<name> (e.g. urn:idp:" + country + ":countryB)");
        }
        return named.get().equals(country) ? Optional.empty()
                : Optional.of("iss names " + named.get() + " but the token is signed by an NCP of " + country);
    }

    /** The country of a {@code urn:<nid>:<CC>:…} issuer, as trust reads a SAML Issuer. */
    static Optional<String> countryNamedBy(String iss) {
        String[] parts = iss.split(":");
        if (parts.length >= 4 && parts[0].equals("urn") && COUNTRY.matcher(parts[2]).matches()) {
            return Optional.of(parts[2]);
        }
        return Optional.empty();
    }
}

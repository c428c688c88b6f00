package fr.passerelle.gateway.patient;

import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.SharedDocuments;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the patient authorises ({@code PUT /api/patient/consent}).
 *
 * @param allCountries every participating country; when false, {@code countries} lists them
 * @param documents    one or more of {@code PATIENT_SUMMARY}, {@code EPRESCRIPTIONS},
 *                     {@code ORIGINAL_CLINICAL_DOCUMENTS}
 * @param validUntil   optional end; absent means until revoked
 */
public record ConsentRequest(Boolean allCountries, List<String> countries, List<SharedDocuments> documents,
                             Instant validUntil) {

    /** The terms asked for, or an {@link IllegalArgumentException} naming what is wrong. */
    public ConsentTerms toTerms(Instant now) {
        if (allCountries == null) {
            throw new IllegalArgumentException("allCountries is required (true, or false with a list of countries)");
        }
        CountryScope scope;
        if (allCountries) {
            if (countries != null && !countries.isEmpty()) {
                throw new IllegalArgumentException("countries must be empty when allCountries is true");
            }
            scope = CountryScope.all();
        } else {
            if (countries == null || countries.isEmpty()) {
                throw new IllegalArgumentException("countries must list at least one country when allCountries is "
                        + "false");
            }
            scope = CountryScope.of(Set.copyOf(countries));
        }
        if (documents == null || documents.isEmpty() || documents.contains(null)) {
            throw new IllegalArgumentException("documents must list one or more of PATIENT_SUMMARY, "
                    + "EPRESCRIPTIONS, ORIGINAL_CLINICAL_DOCUMENTS");
        }
        if (validUntil != null && !validUntil.isAfter(now)) {
            throw new IllegalArgumentException("validUntil must be in the future");
        }
        return new ConsentTerms(scope, EnumSet.copyOf(documents), Optional.ofNullable(validUntil));
    }
}

package fr.passerelle.gateway.patient;

import fr.passerelle.gateway.consent.ConsentStatus;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.ConsentVersion;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.DefaultConsent;
import fr.passerelle.gateway.consent.SharedDocuments;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The patient's consent as the API shows it.
 *
 * @param state         {@code NOT_DECIDED} (the deployment default applies), {@code AUTHORISED}, {@code EXPIRED}
 *                      or {@code REVOKED}
 * @param defaultAccess what applies while {@code NOT_DECIDED}
 * @param allCountries  every participating country, or only {@code countries}
 */
public record ConsentView(String state, DefaultConsent defaultAccess, Long version, Boolean allCountries,
                          List<String> countries, List<SharedDocuments> documents, Instant validUntil,
                          Instant changedAt, String changedBy, String channel) {

    static ConsentView of(Optional<ConsentVersion> current, DefaultConsent defaultAccess, Instant now) {
        if (current.isEmpty()) {
            return new ConsentView("NOT_DECIDED", defaultAccess, null, null, List.of(), List.of(), null, null, null,
                    null);
        }
        ConsentVersion version = current.get();
        if (version.status() == ConsentStatus.REVOKED) {
            return new ConsentView("REVOKED", defaultAccess, version.version(), null, List.of(), List.of(), null,
                    version.changedAt(), version.changedBy(), version.channel().name());
        }
        ConsentTerms terms = version.terms().orElseThrow();
        boolean all = terms.countries() instanceof CountryScope.AllParticipating;
        List<String> countries = terms.countries() instanceof CountryScope.Listed listed
                ? listed.countries().stream().sorted().toList() : List.of();
        return new ConsentView(terms.expiredAt(now) ? "EXPIRED" : "AUTHORISED", defaultAccess, version.version(),
                all, countries, terms.documents().stream().sorted().toList(), terms.validUntil().orElse(null),
                version.changedAt(), version.changedBy(), version.channel().name());
    }
}

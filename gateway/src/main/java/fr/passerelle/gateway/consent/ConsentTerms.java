package fr.passerelle.gateway.consent;

import fr.passerelle.gateway.healthspace.DocumentKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the patient authorises.
 *
 * @param countries  which countries may ask
 * @param documents  which documents they may see (at least one)
 * @param validUntil the end of the authorisation; empty means until revoked
 */
public record ConsentTerms(CountryScope countries, Set<SharedDocuments> documents, Optional<Instant> validUntil) {

    public ConsentTerms {
        Objects.requireNonNull(countries, "countries");
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(validUntil, "validUntil");
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("A consent shares at least one kind of document");
        }
        documents = Set.copyOf(EnumSet.copyOf(documents));
    }

    public boolean covers(String country, DocumentKind kind) {
        return countries.covers(country) && documents.stream().anyMatch(shared -> shared.covers(kind));
    }

    public boolean expiredAt(Instant now) {
        return validUntil.map(until -> !now.isBefore(until)).orElse(false);
    }
}

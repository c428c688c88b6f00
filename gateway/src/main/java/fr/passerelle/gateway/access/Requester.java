package fr.passerelle.gateway.access;

import java.util.Locale;
import java.util.Objects;

/**
 * The foreign professional behind a request, as their country's NCP asserted it.
 *
 * @param country        ISO 3166-1 alpha-2 of the country of treatment (upper case)
 * @param ncp            the requesting NCP (its home community id or certificate subject)
 * @param professionalId the professional's identifier as the assertion presents it
 * @param role           the professional's role, e.g. an ISCO-08 code such as {@code 221}
 * @param organisation   the healthcare organisation or point of care
 */
public record Requester(String country, String ncp, String professionalId, String role, String organisation) {

    public Requester {
        Objects.requireNonNull(country, "country");
        if (!country.matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException("Requesting country is not ISO 3166-1 alpha-2: " + country);
        }
        country = country.toUpperCase(Locale.ROOT);
        ncp = Objects.requireNonNullElse(ncp, "");
        professionalId = Objects.requireNonNullElse(professionalId, "");
        role = Objects.requireNonNullElse(role, "");
        organisation = Objects.requireNonNullElse(organisation, "");
    }
}

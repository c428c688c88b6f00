package fr.passerelle.gateway.partner;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code passerelle.partners.<CC>.*}: what France agreed with each partner country (ISO 3166 alpha-2). Nothing
 * configured means strict IHE/eHDSI for everyone.
 *
 * <pre>
 * passerelle.partners.DE.lenient=request-without-mtom,retrieve-without-home-community-id
 * </pre>
 *
 * @param partners per country, upper-cased
 */
@ConfigurationProperties("passerelle")
public record PartnerProperties(Map<String, Partner> partners) {

    /** @param lenient the deviations this country may send, none by default */
    public record Partner(Set<Leniency> lenient) {
        public Partner {
            lenient = lenient == null || lenient.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(lenient));
        }
    }

    public PartnerProperties {
        Map<String, Partner> normalised = new TreeMap<>();
        if (partners != null) {
            partners.forEach((country, partner) -> {
                String code = country.toUpperCase(Locale.ROOT);
                if (!code.matches("[A-Z]{2}")) {
                    throw new IllegalArgumentException("passerelle.partners." + country
                            + ": a partner is named by its ISO 3166 alpha-2 country code");
                }
                normalised.put(code, partner == null ? new Partner(Set.of()) : partner);
            });
        }
        partners = Map.copyOf(normalised);
    }

    /** Whether this country was granted this leniency. */
    public boolean grants(String country, Leniency leniency) {
        Partner partner = country == null ? null : partners.get(country.toUpperCase(Locale.ROOT));
        return partner != null && partner.lenient().contains(leniency);
    }
}

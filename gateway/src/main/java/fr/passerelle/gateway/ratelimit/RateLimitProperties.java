package fr.passerelle.gateway.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.rate-limit.*}.
 *
 * @param enabled       off lets every believed request through (no database round trip)
 * @param window        length of one counting window; limits are requests per window
 * @param defaultLimit  requests per window a country may send when it has no override
 * @param countries     per-country overrides (ISO 3166 alpha-2, e.g. {@code ES: 500}); 0 blocks a country
 * @param keyBy         what one quota covers: the requesting country (both roads together) or the requesting NCP
 *                      as the road names it (SOAP: the country; FHIR: {@code fhir:<country>}), limits still
 *                      resolved by country
 */
@ConfigurationProperties("passerelle.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("PT1S") Duration window,
                                  @DefaultValue("1000") int defaultLimit,
                                  Map<String, Integer> countries,
                                  @DefaultValue("COUNTRY") KeyBy keyBy) {

    /** What one counter counts. */
    public enum KeyBy {
        COUNTRY, NCP
    }

    public RateLimitProperties {
        if (window == null || window.isNegative() || window.isZero() || window.toMillis() < 1) {
            throw new IllegalArgumentException("passerelle.rate-limit.window must be at least one millisecond");
        }
        if (defaultLimit < 0) {
            throw new IllegalArgumentException("passerelle.rate-limit.default-limit must not be negative");
        }
        Map<String, Integer> normalised = new TreeMap<>();
        if (countries != null) {
            countries.forEach((country, limit) -> {
                if (limit == null || limit < 0) {
                    throw new IllegalArgumentException("passerelle.rate-limit.countries." + country
                            + " must be a non-negative number of requests");
                }
                normalised.put(country.toUpperCase(Locale.ROOT), limit);
            });
        }
        countries = Map.copyOf(normalised);
        keyBy = keyBy == null ? KeyBy.COUNTRY : keyBy;
    }

    /** The limit per window for a requesting country. */
    public int limitFor(String country) {
        return countries.getOrDefault(country.toUpperCase(Locale.ROOT), defaultLimit);
    }
}

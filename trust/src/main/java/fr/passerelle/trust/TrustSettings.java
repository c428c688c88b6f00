package fr.passerelle.trust;

import fr.passerelle.trust.assertion.EhdsiAttributes;
import java.time.Duration;
import java.util.Set;

/**
 * How strict the validator is.
 *
 * @param clockSkew            tolerance on every time comparison (eHDSI: 60 s)
 * @param maxHcpLifetime       longest HCP assertion validity (eHDSI: 4 h)
 * @param maxTrcLifetime       longest TRC assertion validity (eHDSI: 2 h)
 * @param maxNokLifetime       longest next-of-kin assertion validity
 * @param audiences            accepted {@code Audience} values; an assertion must name one of them
 * @param oneUseAssertions     refuse a second use of an assertion id (true), or guard only message ids (false,
 *                             for partners that reuse one HCP assertion for a session of calls)
 * @param maxHeaderCharacters  largest Security header (text and attribute characters)
 * @param maxHeaderElements    most elements in the Security header
 * @param accessRules          the role/permission/purpose table
 */
public record TrustSettings(
        Duration clockSkew,
        Duration maxHcpLifetime,
        Duration maxTrcLifetime,
        Duration maxNokLifetime,
        Set<String> audiences,
        boolean oneUseAssertions,
        int maxHeaderCharacters,
        int maxHeaderElements,
        AccessRules accessRules) {

    public TrustSettings {
        audiences = Set.copyOf(audiences);
        if (clockSkew.isNegative() || maxHcpLifetime.isNegative() || maxTrcLifetime.isNegative()
                || maxNokLifetime.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("at least one audience must be accepted");
        }
    }

    public static TrustSettings ehdsiDefaults() {
        return new TrustSettings(Duration.ofSeconds(60), Duration.ofHours(4), Duration.ofHours(2),
                Duration.ofHours(2), Set.of(EhdsiAttributes.X_BORDER_AUDIENCE), true, 256 * 1024, 2_000,
                AccessRules.ehdsiDefaults());
    }
}

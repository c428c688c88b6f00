package fr.passerelle.gateway.fhir.requester;

import fr.passerelle.trust.replay.ReplayGuard;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Records bearer tokens in trust's replay guard, the one SAML assertion and message ids go to (shared by all nodes
 * through the database). Two ids per token, in one round trip: its issuer's id ({@code jwt:<iss>:<jti>}, namespaced by
 * issuer as RFC 7519 §4.1.7 only promises jti unique per issuer) and the token itself ({@code jwt-token:<SHA-256>}),
 * both until the token expires (+ skew). Under {@link TokenReuse#ONCE} a jti seen before is a replay. Under
 * {@link TokenReuse#UNTIL_EXPIRY} it is accepted again only when the token is the very one first recorded with it:
 * another token reusing the jti (say, the same id over another patient) is refused.
 */
final class TokenReplay {

    private final ReplayGuard guard;
    private final TokenReuse reuse;
    private final Clock clock;

    TokenReplay(ReplayGuard guard, TokenReuse reuse, Clock clock) {
        this.guard = guard;
        this.reuse = reuse;
        this.clock = clock;
    }

    TokenReuse reuse() {
        return reuse;
    }

    /** Why this presentation of the token is refused, or empty when it is accepted (and recorded). */
    Optional<String> refusal(String token, String issuer, String jti, Instant until) {
        String tokenId = "jwt-token:" + sha256(token);
        OptionalInt seen = guard.firstUseOfAll(List.of(new ReplayGuard.Use("jwt:" + issuer + ":" + jti, until),
                new ReplayGuard.Use(tokenId, until)));
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        if (reuse == TokenReuse.ONCE) {
            return Optional.of("the bearer token's jti was already used (one use per token: send a new token, with a"
                    + " new jti, for each request)");
        }
        // The jti is known: accepted again only if this very token was recorded with it. Asking the guard to record
        // the token until now stores nothing lasting and answers whether it is already there.
        if (seen.getAsInt() == 1 || !guard.firstUse(tokenId, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of("the bearer token's jti was already used by another token of this issuer");
    }
    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}

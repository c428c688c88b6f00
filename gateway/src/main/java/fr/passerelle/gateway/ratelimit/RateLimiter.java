package fr.passerelle.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Fixed-window limiter: the window a request falls in is {@code floor(now / window)}, its key is the country (or
 * NCP) and the count of that key in that window is the shared counter's answer. A fixed window is one counter row
 * per key and window — one statement per request — at the price of letting up to twice the limit through across
 * a window boundary (the last instant of one window and the first of the next); the windows are short, so that
 * burst is short too.
 */
public final class RateLimiter {

    private final RateLimitProperties properties;
    private final WindowCounter counter;
    private final Clock clock;

    public RateLimiter(RateLimitProperties properties, WindowCounter counter, Clock clock) {
        this.properties = properties;
        this.counter = counter;
        this.clock = clock;
    }

    /**
     * Counts one request of a believed requester.
     *
     * @param country       the requester's country (from trust)
     * @param requestingNcp the requesting NCP as the road names it
     */
    public RateDecision acquire(String country, String requestingNcp) {
        if (!properties.enabled()) {
            return new RateDecision.Allowed(Long.MAX_VALUE);
        }
        int limit = properties.limitFor(country);
        String key = key(country, requestingNcp);
        long windowMillis = properties.window().toMillis();
        long now = clock.millis();
        long windowStart = Math.floorDiv(now, windowMillis) * windowMillis;
        if (limit > 0) {
            // A blocked country (limit 0) costs no database write.
            long count = counter.hit(key, windowStart);
            if (count <= limit) {
                return new RateDecision.Allowed(limit - count);
            }
        }
        return new RateDecision.Exceeded(key, limit, properties.window(),
                Duration.ofMillis(windowStart + windowMillis - now));
    }

    String key(String country, String requestingNcp) {
        String upper = country.toUpperCase(Locale.ROOT);
        if (properties.keyBy() == RateLimitProperties.KeyBy.NCP && requestingNcp != null && !requestingNcp.isBlank()) {
            // The column holds 256 characters; a longer NCP name is counted under its digest.
            return "ncp:" + upper + ":" + (requestingNcp.length() <= 200 ? requestingNcp : sha256(requestingNcp));
        }
        return "country:" + upper;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}

package fr.passerelle.gateway.ratelimit;

import java.time.Duration;

/** The limiter's answer for one request. */
public sealed interface RateDecision {

    /** Within the quota; {@code remaining} more requests fit in this window. */
    record Allowed(long remaining) implements RateDecision {
    }

    /**
     * Over the quota of {@code limit} requests per window; the window resets after {@code retryAfter}.
     */
    record Exceeded(String key, int limit, Duration window, Duration retryAfter) implements RateDecision {

        /** Whole seconds to wait, at least one (HTTP {@code Retry-After} has a one-second resolution). */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}

package fr.passerelle.gateway.ratelimit;

/**
 * The shared counters could not be read. The gate lets the request through (fails open) and says so in the log
 * and metrics: an unreachable database fails the request at its next step anyway, and a limiter that refuses every
 * country while the database blinks would turn a short outage into a total one.
 */
public final class RateLimitUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RateLimitUnavailable(String sqlState, Throwable cause) {
        super("the rate-limit counters are unavailable (SQL state " + sqlState + ")", cause);
    }
}

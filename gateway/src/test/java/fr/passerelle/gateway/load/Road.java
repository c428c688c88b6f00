package fr.passerelle.gateway.load;

import java.util.UUID;

/** A source of requests: each call is new (fresh assertions, fresh correlation id), so none is refused as a replay. */
public interface Road {

    String name();

    /** The next request of caller {@code caller}. */
    Call next(int caller);

    /** Signs about {@code count} requests ahead, so the clock measures the gateway, not the driver's signing. */
    default void stock(int count) {
    }

    /** Requests the driver had to sign while measuring because the stock ran out (0 when it did not). */
    default long signedWhileMeasuring() {
        return 0;
    }

    static String correlationId() {
        return "load-" + UUID.randomUUID();
    }
}

package fr.passerelle.gateway.ratelimit;

/** Counts hits of one key in one window, atomically for every node that shares the counter. */
@FunctionalInterface
public interface WindowCounter {

    /**
     * Adds one hit and answers the count of this key in this window including it.
     *
     * @param windowStart epoch milliseconds of the window's start (a multiple of the window length)
     */
    long hit(String key, long windowStart);
}

package fr.passerelle.trust.replay;

import java.time.Instant;
import java.util.Map;

/** Durable storage of used ids, shared by all nodes; the insert must be atomic across nodes. */
public interface ReplayStore {

    /**
     * Stores {@code key} until {@code expiresAt} unless it is already stored and not expired at {@code now}.
     *
     * @return true when stored now (first use), false when it was already there
     */
    boolean recordIfAbsent(String key, Instant expiresAt, Instant now);

    /**
     * Stores all keys at once, or none: one round trip for the ids of one request. Atomic across nodes like
     * {@link #recordIfAbsent}.
     *
     * @param keys distinct keys and their expiry, in the order they are to be recorded
     * @return true when every key was stored now; false when none was stored — some key is already there, or this
     *         store cannot store several at once — and the caller records them one by one to learn which
     */
    default boolean recordAllIfAbsent(Map<String, Instant> keys, Instant now) {
        return false;
    }
}

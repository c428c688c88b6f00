package fr.passerelle.trust.replay;

import java.time.Instant;

/** Durable storage of used ids, shared by all nodes; the insert must be atomic across nodes. */
public interface ReplayStore {

    /**
     * Stores {@code key} until {@code expiresAt} unless it is already stored and not expired at {@code now}.
     *
     * @return true when stored now (first use), false when it was already there
     */
    boolean recordIfAbsent(String key, Instant expiresAt, Instant now);
}

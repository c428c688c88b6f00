package fr.passerelle.trust.replay;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-process store: for the operator command, tests and one-node demos. Expired keys are purged lazily.
 * Its methods hold one lock, so a request's ids are stored all or none.
 */
public final class InMemoryReplayStore implements ReplayStore {

    private static final int PURGE_EVERY = 10_000;

    private final ConcurrentMap<String, Instant> used = new ConcurrentHashMap<>();
    private final AtomicLong inserts = new AtomicLong();

    @Override
    public synchronized boolean recordIfAbsent(String key, Instant expiresAt, Instant now) {
        boolean[] stored = {false};
        used.compute(key, (k, existing) -> {
            if (existing == null || !existing.isAfter(now)) {
                stored[0] = true;
                return expiresAt;
            }
            return existing;
        });
        // A periodic sweep, not one per insert: scanning a large map on every call would make each use O(n).
        if (stored[0] && inserts.incrementAndGet() % PURGE_EVERY == 0) {
            used.values().removeIf(expiry -> !expiry.isAfter(now));
        }
        return stored[0];
    }

    /** All or none, atomically with respect to {@link #recordIfAbsent} (both hold this store's lock). */
    @Override
    public synchronized boolean recordAllIfAbsent(Map<String, Instant> keys, Instant now) {
        for (String key : keys.keySet()) {
            Instant existing = used.get(key);
            if (existing != null && existing.isAfter(now)) {
                return false;
            }
        }
        keys.forEach(used::put);
        inserts.addAndGet(keys.size());
        return true;
    }
}

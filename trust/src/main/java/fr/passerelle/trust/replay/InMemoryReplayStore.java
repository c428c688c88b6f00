package fr.passerelle.trust.replay;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A single-process store: for the operator command, tests and one-node demos. Expired keys are purged lazily. */
public final class InMemoryReplayStore implements ReplayStore {

    private final ConcurrentMap<String, Instant> used = new ConcurrentHashMap<>();

    @Override
    public boolean recordIfAbsent(String key, Instant expiresAt, Instant now) {
        boolean[] stored = {false};
        used.compute(key, (k, existing) -> {
            if (existing == null || !existing.isAfter(now)) {
                stored[0] = true;
                return expiresAt;
            }
            return existing;
        });
        if (used.size() > 100_000) {
            used.values().removeIf(expiry -> !expiry.isAfter(now));
        }
        return stored[0];
    }
}

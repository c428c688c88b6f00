package fr.passerelle.trust.replay;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A Caffeine cache of ids this node has seen, in front of the shared {@link ReplayStore}. Ids are stored as
 * SHA-256 hashes: fixed length whatever a sender puts in an ID, and nothing readable at rest.
 * <p>
 * The ids of one request (message id, HCP and TRC assertion ids) go to the store in one round trip when none of
 * them is known; only when one is already used does the guard fall back to recording them one by one, which
 * tells which id was replayed and records exactly what {@link #firstUse} in turn would.
 */
public final class CachingReplayGuard implements ReplayGuard {

    private final ReplayStore store;
    private final Clock clock;
    private final Cache<String, Instant> seen;

    public CachingReplayGuard(ReplayStore store, Clock clock, long maximumEntries) {
        this.store = store;
        this.clock = clock;
        this.seen = Caffeine.newBuilder()
                .maximumSize(maximumEntries)
                .expireAfter(new Expiry<String, Instant>() {
                    @Override
                    public long expireAfterCreate(String key, Instant expiresAt, long currentTime) {
                        return Math.max(0, Duration.between(clock.instant(), expiresAt).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String key, Instant expiresAt, long currentTime, long duration) {
                        return expireAfterCreate(key, expiresAt, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Instant expiresAt, long currentTime, long duration) {
                        return duration;
                    }
                })
                .build();
    }

    @Override
    public boolean firstUse(String id, Instant expiresAt) {
        String key = hash(id);
        Instant now = clock.instant();
        Instant known = seen.getIfPresent(key);
        if (known != null && known.isAfter(now)) {
            return false;
        }
        boolean first = store.recordIfAbsent(key, expiresAt, now);
        seen.put(key, expiresAt);
        return first;
    }

    @Override
    public OptionalInt firstUseOfAll(List<Use> uses) {
        Instant now = clock.instant();
        Map<String, Instant> keys = new LinkedHashMap<>();
        for (Use use : uses) {
            String key = hash(use.id());
            Instant known = seen.getIfPresent(key);
            if ((known != null && known.isAfter(now)) || keys.putIfAbsent(key, use.expiresAt()) != null) {
                return ReplayGuard.super.firstUseOfAll(uses);
            }
        }
        if (!store.recordAllIfAbsent(keys, now)) {
            return ReplayGuard.super.firstUseOfAll(uses);
        }
        seen.putAll(keys);
        return OptionalInt.empty();
    }

    static String hash(String id) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}

package fr.passerelle.trust.replay;

import java.time.Instant;

/** Accepts each id once while it is valid. */
public interface ReplayGuard {

    /**
     * Records the id as used until {@code expiresAt}.
     *
     * @return true on first use; false when the id was already used and has not expired
     */
    boolean firstUse(String id, Instant expiresAt);
}

package fr.passerelle.trust.replay;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** Accepts each id once while it is valid. */
public interface ReplayGuard {

    /**
     * Records the id as used until {@code expiresAt}.
     *
     * @return true on first use; false when the id was already used and has not expired
     */
    boolean firstUse(String id, Instant expiresAt);

    /**
     * Records every id of one request, in order, as {@link #firstUse} one after the other would: stops at the first
     * id already used (those before it are recorded, those after it are not).
     *
     * @return the index of the first id already used; empty when all were used for the first time
     */
    default OptionalInt firstUseOfAll(List<Use> uses) {
        for (int i = 0; i < uses.size(); i++) {
            if (!firstUse(uses.get(i).id(), uses.get(i).expiresAt())) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** One id to record, until when. */
    record Use(String id, Instant expiresAt) {
        public Use {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}

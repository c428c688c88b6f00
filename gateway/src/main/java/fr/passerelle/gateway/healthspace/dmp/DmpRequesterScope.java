package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.trust.VerifiedRequester;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The foreign practitioner on whose behalf the current thread calls the health space. The port's methods do not
 * carry the requester, yet every DMP call needs one to build its VIHF; a road binds it around its port calls:
 * {@code DmpRequesterScope.callAs(requester, () -> healthSpace.documents(ins, kind))}. DMP calls run on the
 * caller's thread (semaphore bulkhead), so the binding is seen by the connector and removed afterwards.
 */
public final class DmpRequesterScope {

    private static final ThreadLocal<VerifiedRequester> CURRENT = new ThreadLocal<>();

    private DmpRequesterScope() {
    }

    public static <T> T callAs(VerifiedRequester requester, Supplier<T> work) {
        Objects.requireNonNull(requester, "requester");
        VerifiedRequester previous = CURRENT.get();
        CURRENT.set(requester);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static Optional<VerifiedRequester> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}

package fr.passerelle.gateway.healthspace;

import fr.passerelle.trust.VerifiedRequester;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The foreign practitioner on whose behalf the current thread calls the {@link NationalHealthSpace}. The port's
 * methods do not carry the requester, yet the real DMP needs one on every call (its VIHF token); the exchange use
 * cases bind it around their work: {@code HealthSpaceCaller.callAs(requester, () -> …)}. Implementations run on
 * the caller's thread, so the binding is seen by them and removed afterwards; the demo health space ignores it.
 */
public final class HealthSpaceCaller {

    private static final ThreadLocal<VerifiedRequester> CURRENT = new ThreadLocal<>();

    private HealthSpaceCaller() {
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

package fr.passerelle.gateway.http;

import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.util.Optional;

/**
 * Raised while reading a request body past its entry point's limit (a chunked body, or one longer than it
 * declared). Each protocol finds it among the causes of its read failure and answers 413 in its own shape.
 */
public final class BodyTooLarge extends IOException {

    private static final long serialVersionUID = 1L;
    /** The request attribute the limit sets when a body passed it: some readers (HAPI) drop the cause. */
    static final String ATTRIBUTE = BodyTooLarge.class.getName();
    private final long limitBytes;

    public BodyTooLarge(long limitBytes) {
        super("request body over " + limitBytes + " bytes", null);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** The reason every entry point gives, in the same words. */
    public static String reason(long limitBytes) {
        return "The request is larger than the accepted " + limitBytes + " bytes";
    }

    /** The limit a request's body passed while being read, if it did. */
    public static Optional<Long> passedBy(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Long limit ? Optional.of(limit)
                : Optional.empty();
    }

    /** The {@code BodyTooLarge} among a failure's causes, if the failure is one. */
    public static Optional<BodyTooLarge> in(Throwable failure) {
        return FailureCauses.find(failure, BodyTooLarge.class);
    }
}

package fr.passerelle.gateway.http;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The causes of a failure, each reader looking for what it knows among them: the entry points shaping their answer
 * (SOAP fault, FHIR OperationOutcome), the DMP client classifying its own failures. Walked a bounded number of steps:
 * a cause chain may loop.
 */
public final class FailureCauses {

    private static final int MAX_CAUSES = 20;

    private FailureCauses() {
    }

    /** The failure and its causes, outermost first. */
    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause())
                .limit(MAX_CAUSES);
    }

    /** The first of the failure and its causes that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return of(failure).filter(type::isInstance).map(type::cast).findFirst();
    }
}

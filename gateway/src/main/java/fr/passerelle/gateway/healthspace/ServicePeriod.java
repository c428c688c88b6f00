package fr.passerelle.gateway.healthspace;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When the care a document reports took place (XDS {@code serviceStartTime} / {@code serviceStopTime}): the
 * examination of a laboratory or imaging report, the stay of a discharge letter. Either end may be unknown.
 */
public record ServicePeriod(Optional<OffsetDateTime> start, Optional<OffsetDateTime> stop) {

    /** Nothing known. */
    public static final ServicePeriod UNKNOWN = new ServicePeriod(Optional.empty(), Optional.empty());

    public ServicePeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
    }

    public static ServicePeriod of(OffsetDateTime start, OffsetDateTime stop) {
        return new ServicePeriod(Optional.ofNullable(start), Optional.ofNullable(stop));
    }
}

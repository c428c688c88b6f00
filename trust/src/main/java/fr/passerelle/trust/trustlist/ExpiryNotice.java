package fr.passerelle.trust.trustlist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A trust-list entry the operator must renew: expired, expiring within the warning period, or not yet valid. */
public record ExpiryNotice(TrustedCertificate entry, Status status) {

    public enum Status { EXPIRED, EXPIRING_SOON, NOT_YET_VALID }

    /** Notices for every entry that needs attention at {@code now}, soonest expiry first. */
    public static List<ExpiryNotice> report(TrustList trustList, Instant now, Duration warnWithin) {
        List<ExpiryNotice> notices = new ArrayList<>();
        for (TrustedCertificate entry : trustList.entries()) {
            statusOf(entry, now, warnWithin).ifPresent(status -> notices.add(new ExpiryNotice(entry, status)));
        }
        notices.sort(Comparator.comparing(n -> n.entry().notAfter()));
        return List.copyOf(notices);
    }

    /** What needs attention about one entry at {@code now}, if anything (validity bounds inclusive, as X.509's). */
    public static Optional<Status> statusOf(TrustedCertificate entry, Instant now, Duration warnWithin) {
        if (now.isAfter(entry.notAfter())) {
            return Optional.of(Status.EXPIRED);
        }
        if (now.isBefore(entry.notBefore())) {
            return Optional.of(Status.NOT_YET_VALID);
        }
        if (now.plus(warnWithin).isAfter(entry.notAfter())) {
            return Optional.of(Status.EXPIRING_SOON);
        }
        return Optional.empty();
    }
}

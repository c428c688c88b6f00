package fr.passerelle.trust.trustlist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A trust-list entry the operator must renew: expired, expiring within the warning period, or not yet valid. */
public record ExpiryNotice(TrustedCertificate entry, Status status) {

    public enum Status { EXPIRED, EXPIRING_SOON, NOT_YET_VALID }

    /** Notices for every entry that needs attention at {@code now}, soonest expiry first. */
    public static List<ExpiryNotice> report(TrustList trustList, Instant now, Duration warnWithin) {
        List<ExpiryNotice> notices = new ArrayList<>();
        for (TrustedCertificate entry : trustList.entries()) {
            if (now.isAfter(entry.notAfter())) {
                notices.add(new ExpiryNotice(entry, Status.EXPIRED));
            } else if (now.isBefore(entry.notBefore())) {
                notices.add(new ExpiryNotice(entry, Status.NOT_YET_VALID));
            } else if (now.plus(warnWithin).isAfter(entry.notAfter())) {
                notices.add(new ExpiryNotice(entry, Status.EXPIRING_SOON));
            }
        }
        notices.sort(Comparator.comparing(n -> n.entry().notAfter()));
        return List.copyOf(notices);
    }
}

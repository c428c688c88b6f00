package fr.passerelle.trust.trustlist;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** One trust-list entry: a certificate trusted for one country, and the file it came from. */
public record TrustedCertificate(String country, X509Certificate certificate, Path source) {

    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** A CA certificate may vouch for signers it issued; any other entry only for itself. */
    public boolean isAuthority() {
        boolean[] usage = certificate.getKeyUsage();
        boolean mayCertify = usage == null || (usage.length > 5 && usage[5]);
        return certificate.getBasicConstraints() >= 0 && mayCertify;
    }
}

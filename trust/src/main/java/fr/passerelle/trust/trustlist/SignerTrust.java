package fr.passerelle.trust.trustlist;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a signer certificate is trusted for the country an assertion claims: the certificate's own
 * country (parsed from its subject DN) must be that country, it must be valid at the validation instant, and it
 * must be a trust-list entry of that country or be issued by a CA entry of that country (PKIX path validation).
 * The same eHDSI CA may sit in every country's folder, which is why the subject's country is checked too.
 * <p>
 * A PKIX validation that succeeded is remembered per (signer certificate, CA certificate, trust-list version): the
 * same partner signer arrives on every request, and its path does not change while neither certificate nor the list
 * does. Only the path's verdict is remembered: the country, both validity periods and the CA's presence in the
 * current list are checked on every call, so a CA removed from the list (eHDSI's revocation) is never consulted
 * again, and a reload starts from an empty memory. Failures are never remembered.
 */
public final class SignerTrust {

    /** Bound on the remembered paths: a handful of partner signers in practice; a flood of fresh ones evicts. */
    static final long MAX_REMEMBERED_PATHS = 1_000;
    /** A remembered path is validated again after this long at most, even if both certificates live longer. */
    static final Duration MAX_REMEMBER = Duration.ofHours(1);

    private final TrustList trustList;
    private final Cache<PathKey, Instant> validatedPaths;
    private volatile long rememberedVersion;

    public SignerTrust(TrustList trustList) {
        this(trustList, Clock.systemUTC());
    }

    /** @param clock the wall clock that ages remembered paths (the validation instant is given per call) */
    public SignerTrust(TrustList trustList, Clock clock) {
        this.trustList = trustList;
        this.rememberedVersion = trustList.version();
        this.validatedPaths = Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED_PATHS)
                .expireAfter(Expiry.writing((PathKey key, Instant validUntil) -> {
                    Duration left = Duration.between(clock.instant(), validUntil);
                    return left.isNegative() ? Duration.ZERO : left.compareTo(MAX_REMEMBER) > 0 ? MAX_REMEMBER : left;
                }))
                .build();
    }

    public SignerVerdict decide(X509Certificate signer, String claimedCountry, Instant at) {
        Optional<String> signerCountry = CertificateCountry.of(signer.getSubjectX500Principal());
        if (signerCountry.isEmpty()) {
            return new SignerVerdict.Untrusted("the signer certificate names no single country");
        }
        if (!signerCountry.get().equals(claimedCountry)) {
            return new SignerVerdict.Untrusted("the signer certificate belongs to " + signerCountry.get()
                    + ", not to the claimed country " + claimedCountry);
        }
        Date when = Date.from(at);
        if (when.before(signer.getNotBefore())) {
            return new SignerVerdict.Untrusted("the signer certificate is not yet valid");
        }
        if (when.after(signer.getNotAfter())) {
            return new SignerVerdict.Untrusted("the signer certificate has expired");
        }
        // The version is read before the entries: a path is only ever looked up for a CA of the entries in use.
        long version = currentVersion();
        List<TrustedCertificate> entries = trustList.forCountry(claimedCountry);
        if (entries.isEmpty()) {
            return new SignerVerdict.Untrusted("country " + claimedCountry + " has no trust-list entry");
        }
        for (TrustedCertificate entry : entries) {
            if (entry.certificate().equals(signer)) {
                return new SignerVerdict.Trusted(entry);
            }
        }
        for (TrustedCertificate entry : entries) {
            if (entry.isAuthority()
                    && entry.certificate().getSubjectX500Principal().equals(signer.getIssuerX500Principal())
                    && !when.before(entry.certificate().getNotBefore())
                    && !when.after(entry.certificate().getNotAfter())) {
                PathKey key = new PathKey(signer, entry.certificate(), version);
                Instant remembered = validatedPaths.getIfPresent(key);
                if (remembered != null && !at.isAfter(remembered)) {
                    return new SignerVerdict.Trusted(entry);
                }
                if (pathValidates(signer, entry.certificate(), when)) {
                    validatedPaths.put(key, earlier(signer.getNotAfter(), entry.certificate().getNotAfter()));
                    return new SignerVerdict.Trusted(entry);
                }
            }
        }
        return new SignerVerdict.Untrusted("the signer certificate is not in, nor issued by, the trust list of "
                + claimedCountry);
    }

    /** How many validated paths are remembered now (for tests). */
    long rememberedPaths() {
        validatedPaths.cleanUp();
        return validatedPaths.estimatedSize();
    }

    private long currentVersion() {
        long version = trustList.version();
        if (version != rememberedVersion) {
            // A reload: nothing validated against the previous list is kept (its key could not match anyway).
            validatedPaths.invalidateAll();
            rememberedVersion = version;
        }
        return version;
    }

    private static Instant earlier(Date a, Date b) {
        return (a.before(b) ? a : b).toInstant();
    }

    private static boolean pathValidates(X509Certificate signer, X509Certificate authority, Date when) {
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(signer));
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(authority, null)));
            // eHDSI publishes no reachable CRL/OCSP to every NCP; revocation is handled by removing entries.
            parameters.setRevocationEnabled(false);
            parameters.setDate(when);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Certificates compare by their encoding (hash cached by the JDK), so no digest is computed per request. */
    private record PathKey(X509Certificate signer, X509Certificate authority, long version) {

        @Override
        public String toString() {
            return "PathKey[version=" + version + "]";
        }
    }
}

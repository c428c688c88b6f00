package fr.passerelle.trust.trustlist;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
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
 */
public final class SignerTrust {

    private final TrustList trustList;

    public SignerTrust(TrustList trustList) {
        this.trustList = trustList;
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
                    && !when.after(entry.certificate().getNotAfter())
                    && pathValidates(signer, entry.certificate(), when)) {
                return new SignerVerdict.Trusted(entry);
            }
        }
        return new SignerVerdict.Untrusted("the signer certificate is not in, nor issued by, the trust list of "
                + claimedCountry);
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
}

package fr.passerelle.trust.issue;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A country NCP's signing key and certificate. */
public record CountrySigner(String country, X509Certificate certificate, PrivateKey privateKey) {

    @Override
    public String toString() {
        return "CountrySigner[" + country + ", " + certificate.getSubjectX500Principal().getName() + "]";
    }
}

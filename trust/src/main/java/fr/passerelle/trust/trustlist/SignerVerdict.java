package fr.passerelle.trust.trustlist;

/** Whether a signing certificate is trusted for a country. */
public sealed interface SignerVerdict {

    /** Trusted because it is, or was issued by, {@code anchor}. */
    record Trusted(TrustedCertificate anchor) implements SignerVerdict {
    }

    record Untrusted(String reason) implements SignerVerdict {
    }
}

package fr.passerelle.trust.trustlist;

import java.util.List;

/** The certificates trusted per country. */
public interface TrustList {

    /** Entries for one ISO 3166 alpha-2 country; empty when the country is not trusted at all. */
    List<TrustedCertificate> forCountry(String country);

    /** Everything loaded, for the operator. */
    List<TrustedCertificate> entries();

    /** Files or folders that could not be loaded, in words, for the operator. */
    List<String> problems();

    /**
     * Changes whenever the entries may have changed (a reload): what was concluded from the previous entries, such
     * as a validated certificate path, must not be reused under a new version. A list that cannot tell returns 0.
     */
    default long version() {
        return 0;
    }
}

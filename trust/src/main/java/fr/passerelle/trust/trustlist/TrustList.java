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
}

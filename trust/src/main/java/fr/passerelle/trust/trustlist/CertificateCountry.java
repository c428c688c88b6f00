package fr.passerelle.trust.trustlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * The country ({@code C}) of a certificate's distinguished name, read by parsing the RDN sequence — never by
 * searching the string, which a subject such as {@code CN=C\=FR,C=DE} would fool. Several C attributes are
 * ambiguous and yield nothing.
 */
public final class CertificateCountry {

    private CertificateCountry() {
    }

    public static Optional<String> of(X500Principal principal) {
        try {
            LdapName name = new LdapName(principal.getName(X500Principal.RFC2253));
            List<String> countries = new ArrayList<>();
            for (Rdn rdn : name.getRdns()) {
                javax.naming.directory.Attributes attributes = rdn.toAttributes();
                javax.naming.directory.Attribute country = attributes.get("C");
                if (country == null) {
                    country = attributes.get("2.5.4.6");
                }
                if (country != null) {
                    for (int i = 0; i < country.size(); i++) {
                        countries.add(String.valueOf(country.get(i)));
                    }
                }
            }
            if (countries.size() != 1 || !countries.get(0).matches("[A-Za-z]{2}")) {
                return Optional.empty();
            }
            return Optional.of(countries.get(0).toUpperCase(java.util.Locale.ROOT));
        } catch (javax.naming.NamingException e) {
            return Optional.empty();
        }
    }
}

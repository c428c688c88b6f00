package fr.passerelle.gateway.console.me;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.patient.login.*}: how patients sign in to {@code /me}.
 *
 * @param oidc the patient identity provider (FranceConnect / Mon Espace Santé style); off without an issuer
 */
@ConfigurationProperties("passerelle.patient.login")
public record PatientLoginProperties(@DefaultValue Oidc oidc) {

    /**
     * @param issuerUri    the provider's issuer; its discovery document is read at start. Unset: no OIDC sign-in
     * @param clientId     Passerelle's client id at the provider
     * @param clientSecret its secret (client_secret_basic)
     * @param scopes       requested scopes; the ID token or user info must carry the INS claims named by
     *                     {@code passerelle.patient.ins-claim} and {@code passerelle.patient.ins-oid-claim}
     * @param displayName  the provider's name on the sign-in button
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret,
                       @DefaultValue("openid") List<String> scopes,
                       @DefaultValue("Mon Espace Santé") String displayName) {

        public boolean configured() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}

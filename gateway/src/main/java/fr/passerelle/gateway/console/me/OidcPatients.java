package fr.passerelle.gateway.console.me;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.patient.token.PatientTokenProperties;
import fr.passerelle.gateway.security.SecurityConfiguration;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in at the patient identity provider becomes a patient of the page only if the provider named
 * their INS (the claims {@code passerelle.patient.ins-claim} / {@code ins-oid-claim}); the session then carries
 * the role PATIENT and nothing else, so it never opens the operator console.
 */
public final class OidcPatients implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;
    private final PatientTokenProperties claims;

    public OidcPatients(OAuth2UserService<OidcUserRequest, OidcUser> delegate, PatientTokenProperties claims) {
        this.delegate = delegate;
        this.claims = claims;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = delegate.loadUser(request);
        insOf(user, claims);
        return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_" + SecurityConfiguration.PATIENT)),
                user.getIdToken(), user.getUserInfo());
    }

    /** The INS the provider vouched for, or an authentication error (no INS, no patient page). */
    static Ins insOf(OidcUser user, PatientTokenProperties claims) {
        Object value = user.getAttributes().get(claims.insClaim());
        Object oid = user.getAttributes().get(claims.insOidClaim());
        if (value == null || oid == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error(PatientSignInFailure.NO_INS,
                    "The identity provider did not give the patient's INS", null));
        }
        try {
            return new Ins(oid.toString(), value.toString());
        } catch (IllegalArgumentException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error(PatientSignInFailure.NO_INS,
                    "The identity provider's INS is not an INS", null));
        }
    }
}

package fr.passerelle.gateway.console.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.patient.token.PatientTokenProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.authentication.TestingAuthenticationToken;

/** A person signed in at the identity provider is a patient of the page only with an INS, and only a patient. */
class OidcPatientsTest {

    static final PatientTokenProperties CLAIMS = new PatientTokenProperties("ins", "ins_oid",
            new PatientTokenProperties.DevIssuer(false, "urn:x", "aud", Duration.ofMinutes(5)));

    @Test
    void aPersonWithAnInsBecomesThatPatientWithThePatientRoleOnly() {
        OidcUser user = new OidcPatients(request -> person(Map.of("ins", "284056912304563",
                "ins_oid", Ins.TEST_NIR)), CLAIMS).loadUser(request());

        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_PATIENT");
        assertThat(new SignedInPatient(CLAIMS).of(new TestingAuthenticationToken(user, "", "ROLE_PATIENT")))
                .isEqualTo(new Ins(Ins.TEST_NIR, "284056912304563"));
    }

    @Test
    void aPersonWithoutAnInsOrWithAMalformedOneIsNotSignedIn() {
        assertThatThrownBy(() -> new OidcPatients(request -> person(Map.of()), CLAIMS).loadUser(request()))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("did not give")
                .extracting(e -> ((OAuth2AuthenticationException) e).getError().getErrorCode())
                .as("the code the sign-in page says 'no INS' for").isEqualTo(PatientSignInFailure.NO_INS);
        assertThatThrownBy(() -> new OidcPatients(
                request -> person(Map.of("ins", "284056912304563", "ins_oid", "9.9.9")), CLAIMS).loadUser(request()))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("not an INS")
                .extracting(e -> ((OAuth2AuthenticationException) e).getError().getErrorCode())
                .isEqualTo(PatientSignInFailure.NO_INS);
    }

    private static OidcUser person(Map<String, Object> claims) {
        Map<String, Object> all = new java.util.HashMap<>(claims);
        all.put("sub", "person-1");
        OidcIdToken token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60), all);
        return new DefaultOidcUser(List.of(), token);
    }

    private static OidcUserRequest request() {
        ClientRegistration registration = ClientRegistration.withRegistrationId("patient").clientId("passerelle")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/me/login/oauth2/code/{registrationId}")
                .authorizationUri("https://idp.example/authorize").tokenUri("https://idp.example/token")
                .build();
        OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access",
                Instant.now(), Instant.now().plusSeconds(60));
        return new OidcUserRequest(registration, access, new OidcIdToken("id-token", Instant.now(),
                Instant.now().plusSeconds(60), Map.of("sub", "person-1")));
    }
}

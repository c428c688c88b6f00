package fr.passerelle.gateway.console.me;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import fr.passerelle.gateway.patient.token.PatientTokenProperties;

/**
 * The patient identity provider, only when {@code passerelle.patient.login.oidc.issuer-uri} is set: its client
 * registration (read from the issuer's discovery document) and the user service that turns a signed-in person into
 * a patient of the page. The security chain of {@code /me} switches OIDC sign-in on when these beans exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "passerelle.patient.login.oidc.issuer-uri")
public class PatientOidcConfiguration {

    static final String REGISTRATION = "patient";

    @Bean
    ClientRegistrationRepository patientIdentityProvider(PatientLoginProperties properties) {
        PatientLoginProperties.Oidc oidc = properties.oidc();
        if (oidc.clientId() == null || oidc.clientId().isBlank()) {
            throw new IllegalStateException("passerelle.patient.login.oidc.client-id is required with issuer-uri");
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                .registrationId(REGISTRATION)
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .scope(oidc.scopes())
                .clientName(oidc.displayName())
                .redirectUri("{baseUrl}/me/login/oauth2/code/{registrationId}")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> patientUserService(PatientTokenProperties claims) {
        return new OidcPatients(new OidcUserService(), claims);
    }
}

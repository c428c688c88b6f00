package fr.passerelle.gateway.patient.token;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The demo's dev issuer and the decoder for its tokens, only with {@link DevIssuerEnabled}. */
@Configuration(proxyBeanMethods = false)
@DevIssuerEnabled
public class DevIssuerConfiguration {

    @Bean
    DevPatientTokenIssuer devPatientTokenIssuer(PatientTokenProperties properties, Clock clock) {
        return new DevPatientTokenIssuer(properties, clock);
    }

    @Bean
    JwtDecoder devPatientTokenDecoder(DevPatientTokenIssuer issuer) {
        return issuer.decoder();
    }
}

package fr.passerelle.gateway.patient.token;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Decoders for when nothing better is configured. */
public final class PatientTokenDecoders {

    private PatientTokenDecoders() {
    }

    /** Fails closed: with no issuer configured, no patient token is accepted. */
    public static JwtDecoder noIssuerConfigured() {
        return token -> {
            throw new BadJwtException("No patient token issuer is configured (set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri)");
        };
    }
}

package fr.passerelle.gateway.patient.token;

import fr.passerelle.gateway.healthspace.Ins;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;

/**
 * The demo's patient token issuer: a random HMAC key drawn at start (so tokens die with the process), HS256 tokens
 * with the patient's INS in the configured claims, a short lifetime, and the decoder that accepts exactly these.
 * A shared secret suffices because the issuer and its only verifier are this process (the key is never published);
 * drawing 32 random bytes costs nothing at start-up, where an RSA key pair took a noticeable part of it (issue 21).
 */
public final class DevPatientTokenIssuer {

    private final PatientTokenProperties properties;
    private final Clock clock;
    private static final int KEY_BYTES = 32;

    private final SecretKey key;
    private final NimbusJwtEncoder encoder;

    public DevPatientTokenIssuer(PatientTokenProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        byte[] secret = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
    }

    public IssuedToken issue(Ins patient) {
        return issue(patient.oid(), patient.value());
    }

    /**
     * A token naming whatever INS it is given, as a misbehaving identity provider could: the patient API checks the
     * claims it reads ({@code patient.PatientIdentity}), not the issuer.
     */
    public IssuedToken issue(String insOid, String insValue) {
        PatientTokenProperties.DevIssuer dev = properties.devIssuer();
        Instant now = clock.instant();
        Instant expires = now.plus(dev.lifetime());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(dev.issuer())
                .audience(List.of(dev.audience()))
                .subject(UUID.nameUUIDFromBytes((insOid + "|" + insValue).getBytes()).toString())
                .issuedAt(now)
                .expiresAt(expires)
                .claim(properties.insClaim(), insValue)
                .claim(properties.insOidClaim(), insOid)
                .build();
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims));
        return new IssuedToken(jwt.getTokenValue(), expires);
    }

    public JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.devIssuer().audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.devIssuer().issuer()), audience));
        return decoder;
    }

    /** A signed token and when it stops being accepted. */
    public record IssuedToken(String token, Instant expiresAt) {
    }
}

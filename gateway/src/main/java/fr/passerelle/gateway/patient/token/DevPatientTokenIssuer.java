package fr.passerelle.gateway.patient.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import fr.passerelle.gateway.healthspace.Ins;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
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
 * The demo's patient token issuer: an RSA key generated at start (so tokens die with the process), RS256 tokens
 * with the patient's INS in the configured claims, a short lifetime, and the decoder that accepts exactly these.
 */
public final class DevPatientTokenIssuer {

    private final PatientTokenProperties properties;
    private final Clock clock;
    private final RSAPublicKey publicKey;
    private final NimbusJwtEncoder encoder;

    public DevPatientTokenIssuer(PatientTokenProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        KeyPair keys = rsaKeyPair();
        this.publicKey = (RSAPublicKey) keys.getPublic();
        RSAKey jwk = new RSAKey.Builder(publicKey).privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
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
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims));
        return new IssuedToken(jwt.getTokenValue(), expires);
    }

    public JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey)
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.devIssuer().audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.devIssuer().issuer()), audience));
        return decoder;
    }

    /** A signed token and when it stops being accepted. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is mandatory in every JRE", e);
        }
    }
}

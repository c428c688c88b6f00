package fr.passerelle.gateway.fhir.requester;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.SignedJWT;
import fr.passerelle.trust.AccessRule;
import fr.passerelle.trust.ClaimLimits;
import fr.passerelle.trust.EhdsiError;
import fr.passerelle.trust.Refusal;
import fr.passerelle.trust.Transaction;
import fr.passerelle.trust.Validation;
import fr.passerelle.trust.VerifiedRequester;
import fr.passerelle.trust.assertion.PurposeOfUse;
import fr.passerelle.trust.trustlist.CertificateCountry;
import fr.passerelle.trust.trustlist.SignerTrust;
import fr.passerelle.trust.trustlist.SignerVerdict;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Believes a bearer JWT the way {@code trust} believes a SAML assertion (IHE IUA spirit): signed (RS256/ES256) by
 * the certificate in its {@code x5c} header, that certificate chaining to the trust list of the country it names,
 * addressed to this gateway, short-lived, with the practitioner's claims ({@code sub}, {@code subject_role},
 * {@code subject_name}, {@code subject_organization}, {@code subject_organization_id}, {@code permissions},
 * {@code purpose_of_use}) and, for document access, {@code person_id}: the patient of the treatment relationship
 * (the TRC assertion's counterpart). The trust module's access table decides role, permissions and purpose.
 * {@code iss} must be an issuer of the signer's country ({@link TokenIssuers}); each claim is read with its JSON type
 * checked ({@link TokenClaims}); the token is recorded in trust's replay guard and accepted once by default
 * ({@link TokenReplay}, {@link TokenReuse}).
 */
public final class BearerTokenVerifier {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    /** A signed token with its x5c signer certificate is a few kilobytes; anything far larger is not read. */
    static final int MAX_TOKEN_CHARS = 32 * 1024;

    private final CrossBorderTrust trust;
    private final SignerTrust signers;
    private final String audience;
    private final Duration maxLifetime;
    private final Duration skew;
    private final TokenIssuers issuers;
    private final TokenReplay replay;
    /**
     * Under {@link TokenReuse#UNTIL_EXPIRY} a token is sent with every call of a session: the same bytes verified a
     * moment ago need no second signature, certificate-path and replay check (their first presentation recorded
     * them). Kept briefly (a trust-list change applies within a minute) and never past the token's own expiry.
     * Unused under {@link TokenReuse#ONCE}, where a second presentation is a replay.
     */
    private final Cache<Key, VerifiedRequester> believed = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(60)).build();

    private record Key(String token, Transaction transaction) {
    }

    public BearerTokenVerifier(CrossBorderTrust trust, FhirSecurityProperties properties) {
        this.trust = trust;
        this.signers = new SignerTrust(trust.trustList());
        this.audience = properties.tokenAudience();
        this.maxLifetime = properties.maxTokenLifetime();
        this.skew = properties.clockSkew();
        this.issuers = new TokenIssuers(properties.issuers());
        this.replay = new TokenReplay(trust.replayGuard(), properties.tokenReuse(), trust.clock());
    }

    public Validation verify(String token, Transaction transaction) {
        // Only a token that may be presented again can be answered from what was believed a moment ago: under
        // ONCE every presentation goes to the replay guard.
        boolean reusable = replay.reuse() == TokenReuse.UNTIL_EXPIRY;
        Key key = new Key(token, transaction);
        VerifiedRequester known = reusable ? believed.getIfPresent(key) : null;
        if (known != null && trust.clock().instant().minus(skew).isBefore(known.expiry())) {
            return known;
        }
        Validation validation = verifyAfresh(token, transaction);
        if (reusable && validation instanceof VerifiedRequester requester) {
            believed.put(key, requester);
        }
        return validation;
    }

    private Validation verifyAfresh(String token, Transaction transaction) {
        if (token.length() > MAX_TOKEN_CHARS) {
            return new Refusal(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure",
                    "the bearer token is longer than " + MAX_TOKEN_CHARS + " characters");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return new Refusal(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure", "the bearer token is not a signed JWT");
        }
        try {
            return check(token, jwt, transaction);
        } catch (TokenClaims.ClaimShapeException e) {
            return new Refusal(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "claims", e.getMessage());
        } catch (Refused refused) {
            return refused.refusal;
        }
    }

    private Validation check(String token, SignedJWT jwt, Transaction transaction)
            throws Refused, TokenClaims.ClaimShapeException {
        Instant now = trust.clock().instant();
        X509Certificate signer = verifiedSigner(jwt);
        String country = CertificateCountry.of(signer.getSubjectX500Principal())
                .orElseThrow(() -> refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                        "the signer certificate names no country"));
        if (signers.decide(signer, country, now) instanceof SignerVerdict.Untrusted untrusted) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list", untrusted.reason());
        }
        TokenClaims claims = TokenClaims.of(jwt.getPayload().toJSONObject());
        String iss = claims.requiredString("iss");
        bounded("iss", iss, ClaimLimits.IDENTIFIER);
        Optional<String> wrongIssuer = issuers.mismatch(iss, country);
        if (wrongIssuer.isPresent()) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "issuer", wrongIssuer.get());
        }
        if (!claims.strings("aud", true).contains(audience)) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "audience",
                    "the bearer token is not addressed to this gateway (aud must name " + audience + ")");
        }
        Instant expiry = claims.requiredTime("exp");
        Instant issued = claims.requiredTime("iat");
        String jti = claims.requiredString("jti");
        Identity identity = Identity.read(claims);
        if (issued.isAfter(now.plus(skew)) || !now.minus(skew).isBefore(expiry)) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity",
                    "the bearer token is expired or not valid yet");
        }
        if (Duration.between(issued, expiry).compareTo(maxLifetime) > 0) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity",
                    "the bearer token lives longer than " + maxLifetime.toMinutes() + " minutes");
        }
        if (identity.practitioner().isEmpty() || identity.role().isEmpty()) {
            throw refused(EhdsiError.ERROR_HPI_INSUFFICIENT_INFORMATION, "hcp-identity",
                    "the bearer token must name the practitioner (sub) and their role (subject_role)");
        }
        PurposeOfUse purpose = PurposeOfUse.parse(identity.purpose().orElse(null))
                .orElseThrow(() -> refused(EhdsiError.ERROR_HPI_INSUFFICIENT_INFORMATION, "hcp-identity",
                        "purpose_of_use must be TREATMENT or EMERGENCY"));
        AccessRule rule = trust.settings().accessRules().rule(transaction);
        String role = identity.role().get();
        if (!rule.allowsRole(role) || !rule.allowsAnyPermission(identity.permissions())
                || !rule.purposes().contains(purpose)) {
            throw refused(EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule",
                    "the practitioner's role, permissions or purpose of use do not allow " + transaction);
        }
        if (rule.treatmentConfirmationRequired() && identity.patient().isEmpty()) {
            throw refused(EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-binding",
                    transaction + " requires the treated patient (person_id) in the token");
        }
        // Last, once everything else is believed: a refused token does not use up its jti.
        Optional<String> replayed = replay.refusal(token, iss, jti, expiry.plus(skew));
        if (replayed.isPresent()) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "replay", replayed.get());
        }
        return new VerifiedRequester(identity.practitioner().get(), identity.name().orElse(""),
                identity.organisation().orElse(""), identity.organisationId().orElse(""), country, role, role,
                purpose, identity.permissions(), "", "", identity.patient(), "jwt:" + jti, Optional.empty(),
                Optional.empty(), expiry);
    }

    /** The signer certificate of the {@code x5c} header, once the token's signature verified with its key. */
    private static X509Certificate verifiedSigner(SignedJWT jwt) throws Refused {
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                    "the bearer token must be signed with RS256 or ES256");
        }
        List<com.nimbusds.jose.util.Base64> chain = jwt.getHeader().getX509CertChain();
        if (chain == null || chain.isEmpty()) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                    "the bearer token carries no signer certificate (x5c)");
        }
        X509Certificate signer = X509CertUtils.parse(chain.get(0).decode());
        if (signer == null) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                    "the bearer token's signer certificate cannot be read");
        }
        try {
            JWSVerifier verifier = signer.getPublicKey() instanceof RSAPublicKey rsa ? new RSASSAVerifier(rsa)
                    : signer.getPublicKey() instanceof ECPublicKey ec ? new ECDSAVerifier(ec) : null;
            if (verifier == null || !jwt.verify(verifier)) {
                throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                        "the bearer token's signature does not verify");
            }
        } catch (JOSEException e) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                    "the bearer token's signature does not verify");
        }
        return signer;
    }

    /**
     * The practitioner's claims, each of its JSON type and within {@link ClaimLimits} before any is used: a wrong or
     * over-long one is a refusal naming the claim, never a failure of the audit record that would store it.
     */
    private record Identity(Optional<String> practitioner, Optional<String> role, Optional<String> name,
                            Optional<String> organisation, Optional<String> organisationId,
                            Optional<String> purpose, Set<String> permissions, Optional<String> patient) {

        static Identity read(TokenClaims claims) throws Refused, TokenClaims.ClaimShapeException {
            bounded("jti", claims.requiredString("jti"), ClaimLimits.IDENTIFIER);
            List<String> permissions = claims.strings("permissions", false);
            if (permissions.size() > ClaimLimits.VALUES) {
                throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure",
                        "the bearer token lists more than " + ClaimLimits.VALUES + " permissions");
            }
            for (String permission : permissions) {
                bounded("permissions", permission, ClaimLimits.CODE);
            }
            return new Identity(
                    present(claims, "sub", ClaimLimits.IDENTIFIER),
                    present(claims, "subject_role", ClaimLimits.CODE),
                    present(claims, "subject_name", ClaimLimits.NAME),
                    present(claims, "subject_organization", ClaimLimits.NAME),
                    present(claims, "subject_organization_id", ClaimLimits.NAME),
                    present(claims, "purpose_of_use", ClaimLimits.CODE),
                    new HashSet<>(permissions),
                    present(claims, "person_id", ClaimLimits.IDENTIFIER));
        }

        private static Optional<String> present(TokenClaims claims, String claim, int max)
                throws Refused, TokenClaims.ClaimShapeException {
            Optional<String> value = claims.string(claim);
            bounded(claim, value.orElse(null), max);
            return value.filter(text -> !text.isBlank());
        }
    }

    private static void bounded(String claim, String value, int max) throws Refused {
        if (!ClaimLimits.fits(value, max)) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure",
                    "the bearer token's " + claim + " is longer than " + max + " characters");
        }
    }

    private static Refused refused(EhdsiError error, String check, String reason) {
        return new Refused(new Refusal(error, check, reason));
    }

    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.reason(), null, false, false);
            this.refusal = refusal;
        }
    }
}

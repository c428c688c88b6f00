package fr.passerelle.gateway.fhir.requester;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.JWTClaimsSet;
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
    /**
     * A bearer token is sent with every call of a session: the same bytes verified a moment ago need no second
     * signature and certificate-path check. Kept briefly (a trust-list change applies within a minute) and never
     * past the token's own expiry.
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
    }

    public Validation verify(String token, Transaction transaction) {
        Key key = new Key(token, transaction);
        VerifiedRequester known = believed.getIfPresent(key);
        if (known != null && trust.clock().instant().minus(skew).isBefore(known.expiry())) {
            return known;
        }
        Validation validation = verifyAfresh(token, transaction);
        if (validation instanceof VerifiedRequester requester) {
            believed.put(key, requester);
        }
        return validation;
    }

    private Validation verifyAfresh(String token, Transaction transaction) {
        if (token.length() > MAX_TOKEN_CHARS) {
            return refuse(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure",
                    "the bearer token is longer than " + MAX_TOKEN_CHARS + " characters");
        }
        try {
            return check(SignedJWT.parse(token), transaction);
        } catch (ParseException e) {
            return refuse(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure", "the bearer token is not a signed JWT");
        } catch (Refused refused) {
            return refused.refusal;
        }
    }

    private Validation check(SignedJWT jwt, Transaction transaction) throws Refused, ParseException {
        Instant now = trust.clock().instant();
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
        String country = CertificateCountry.of(signer.getSubjectX500Principal())
                .orElseThrow(() -> refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                        "the signer certificate names no country"));
        if (signers.decide(signer, country, now) instanceof SignerVerdict.Untrusted untrusted) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list", untrusted.reason());
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "audience",
                    "the bearer token is not addressed to this gateway");
        }
        if (claims.getExpirationTime() == null || claims.getIssueTime() == null || claims.getJWTID() == null) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity",
                    "the bearer token must carry exp, iat and jti");
        }
        checkLengths(claims);
        Instant issued = claims.getIssueTime().toInstant();
        Instant expiry = claims.getExpirationTime().toInstant();
        if (issued.isAfter(now.plus(skew)) || !now.minus(skew).isBefore(expiry)) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity",
                    "the bearer token is expired or not valid yet");
        }
        if (Duration.between(issued, expiry).compareTo(maxLifetime) > 0) {
            throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity",
                    "the bearer token lives longer than " + maxLifetime.toMinutes() + " minutes");
        }
        String practitioner = claims.getSubject();
        String role = claims.getStringClaim("subject_role");
        if (practitioner == null || practitioner.isBlank() || role == null || role.isBlank()) {
            throw refused(EhdsiError.ERROR_HPI_INSUFFICIENT_INFORMATION, "hcp-identity",
                    "the bearer token must name the practitioner (sub) and their role (subject_role)");
        }
        PurposeOfUse purpose = PurposeOfUse.parse(claims.getStringClaim("purpose_of_use"))
                .orElseThrow(() -> refused(EhdsiError.ERROR_HPI_INSUFFICIENT_INFORMATION, "hcp-identity",
                        "purpose_of_use must be TREATMENT or EMERGENCY"));
        List<String> permissionList = claims.getStringListClaim("permissions");
        Set<String> permissions = permissionList == null ? Set.of() : new HashSet<>(permissionList);
        AccessRule rule = trust.settings().accessRules().rule(transaction);
        if (!rule.allowsRole(role) || !rule.allowsAnyPermission(permissions) || !rule.purposes().contains(purpose)) {
            throw refused(EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule",
                    "the practitioner's role, permissions or purpose of use do not allow " + transaction);
        }
        Optional<String> patient = Optional.ofNullable(claims.getStringClaim("person_id")).filter(s -> !s.isBlank());
        if (rule.treatmentConfirmationRequired() && patient.isEmpty()) {
            throw refused(EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-binding",
                    transaction + " requires the treated patient (person_id) in the token");
        }
        String organisation = Optional.ofNullable(claims.getStringClaim("subject_organization")).orElse("");
        return new VerifiedRequester(practitioner, Optional.ofNullable(claims.getStringClaim("subject_name")).orElse(""),
                organisation, Optional.ofNullable(claims.getStringClaim("subject_organization_id")).orElse(""),
                country, role, role, purpose, permissions, "", "", patient, "jwt:" + claims.getJWTID(),
                Optional.empty(), Optional.empty(), expiry);
    }

    /**
     * Every claim believed fits {@link ClaimLimits}, checked before any is used: an over-long one is a refusal naming
     * the claim, never a failure of the audit record that would store it.
     */
    private static void checkLengths(JWTClaimsSet claims) throws Refused, ParseException {
        bounded("jti", claims.getJWTID(), ClaimLimits.IDENTIFIER);
        bounded("sub", claims.getSubject(), ClaimLimits.IDENTIFIER);
        bounded("person_id", claims.getStringClaim("person_id"), ClaimLimits.IDENTIFIER);
        bounded("subject_name", claims.getStringClaim("subject_name"), ClaimLimits.NAME);
        bounded("subject_organization", claims.getStringClaim("subject_organization"), ClaimLimits.NAME);
        bounded("subject_organization_id", claims.getStringClaim("subject_organization_id"), ClaimLimits.NAME);
        bounded("subject_role", claims.getStringClaim("subject_role"), ClaimLimits.CODE);
        bounded("purpose_of_use", claims.getStringClaim("purpose_of_use"), ClaimLimits.CODE);
        List<String> permissions = claims.getStringListClaim("permissions");
        if (permissions != null) {
            if (permissions.size() > ClaimLimits.VALUES) {
                throw refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure",
                        "the bearer token lists more than " + ClaimLimits.VALUES + " permissions");
            }
            for (String permission : permissions) {
                bounded("permissions", permission, ClaimLimits.CODE);
            }
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

    private static Refusal refuse(EhdsiError error, String check, String reason) {
        return new Refusal(error, check, reason);
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

package fr.passerelle.gateway.fhir.requester;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import fr.passerelle.gateway.trust.JdbcReplayStore;
import fr.passerelle.trust.EhdsiError;
import fr.passerelle.trust.Refusal;
import fr.passerelle.trust.RequestValidator;
import fr.passerelle.trust.Transaction;
import fr.passerelle.trust.TrustSettings;
import fr.passerelle.trust.Validation;
import fr.passerelle.trust.VerifiedRequester;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.replay.CachingReplayGuard;
import fr.passerelle.trust.replay.InMemoryReplayStore;
import fr.passerelle.trust.replay.ReplayGuard;
import fr.passerelle.trust.trustlist.DirectoryTrustList;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bearer token rules a partner's client meets (docs/implementers.md): one use by default and the
 * {@code until-expiry} leniency, {@code iss} naming the signer's country, and a claim of the wrong JSON type refused
 * naming the claim, never as "not a signed JWT".
 */
class BearerTokenVerifierTest {

    private static final String AUDIENCE = "urn:passerelle:ncp-fr:fhir";
    private static final String PATIENT = "284056912304563^^^&1.2.250.1.213.1.4.10&ISO";

    @TempDir
    static Path home;
    private static DemoPki pki;
    private static DirectoryTrustList trustList;

    @BeforeAll
    static void trustListOfSpainAndGermany() throws Exception {
        pki = DemoPki.generate(Instant.now(), Duration.ofDays(2), List.of("ES", "DE"));
        pki.writeTrustList(home.resolve("trust-list"));
        trustList = new DirectoryTrustList(home.resolve("trust-list"), Clock.systemUTC(), Duration.ofMinutes(5));
    }

    private static BearerTokenVerifier verifier(ReplayGuard guard, TokenReuse reuse, Map<String, List<String>> issuers) {
        TrustSettings settings = TrustSettings.ehdsiDefaults();
        Clock clock = Clock.systemUTC();
        CrossBorderTrust trust = new CrossBorderTrust(new RequestValidator(settings, trustList, guard, clock), trustList,
                settings, guard, clock);
        return new BearerTokenVerifier(trust, new FhirSecurityProperties(null, AUDIENCE, Duration.ofMinutes(5),
                Duration.ofSeconds(60), reuse, issuers));
    }

    private static BearerTokenVerifier verifier(TokenReuse reuse) {
        return verifier(guard(), reuse, Map.of());
    }

    private static ReplayGuard guard() {
        return new CachingReplayGuard(new InMemoryReplayStore(), Clock.systemUTC(), 1_000);
    }

    /** The claims of a Spanish doctor's token for {@link #PATIENT}, in JSON types; a test changes what it attacks. */
    private static Map<String, Object> claims(String country) {
        HcpClaims doctor = HcpClaims.demoDoctor(country);
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "urn:idp:" + country + ":countryB");
        claims.put("sub", doctor.practitionerId());
        claims.put("aud", AUDIENCE);
        claims.put("iat", now);
        claims.put("exp", now + 240);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("subject_role", doctor.roleCode());
        claims.put("subject_name", doctor.practitionerName());
        claims.put("subject_organization", doctor.organisation());
        claims.put("subject_organization_id", doctor.organisationId());
        claims.put("permissions", doctor.permissions());
        claims.put("purpose_of_use", "TREATMENT");
        claims.put("person_id", PATIENT);
        return claims;
    }

    private static String token(CountrySigner signer, Map<String, Object> claims) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .x509CertChain(List.of(Base64.encode(signer.certificate().getEncoded()))).build(),
                    new Payload(claims));
            jws.sign(new RSASSASigner(signer.privateKey()));
            return jws.serialize();
        } catch (JOSEException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String country, Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = claims(country);
        change.accept(claims);
        return token(pki.signer(country), claims);
    }

    private static Refusal refused(Validation validation) {
        assertThat(validation).isInstanceOf(Refusal.class);
        return (Refusal) validation;
    }

    @Test
    void aTokenIsAcceptedOnceByDefaultLikeASamlAssertion() {
        BearerTokenVerifier verifier = verifier(TokenReuse.ONCE);
        String token = token("ES", claims -> { });

        assertThat(verifier.verify(token, Transaction.FHIR_DOCUMENT)).isInstanceOf(VerifiedRequester.class);
        Refusal again = refused(verifier.verify(token, Transaction.FHIR_DOCUMENT));
        assertThat(again.check()).isEqualTo("replay");
        assertThat(again.error()).isEqualTo(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED);
        assertThat(again.reason()).contains("jti was already used (one use per token");
        // Another transaction does not make it a new token.
        assertThat(refused(verifier.verify(token, Transaction.FHIR_PATIENT_SEARCH)).check()).isEqualTo("replay");
        // A fresh token of the same practitioner is a new use.
        assertThat(verifier.verify(token("ES", claims -> { }), Transaction.FHIR_DOCUMENT))
                .isInstanceOf(VerifiedRequester.class);
    }

    @Test
    void aReplayIsRefusedByAnotherNodeSharingTheStore() {
        InMemoryReplayStore shared = new InMemoryReplayStore();
        BearerTokenVerifier first = verifier(new CachingReplayGuard(shared, Clock.systemUTC(), 100), TokenReuse.ONCE,
                Map.of());
        BearerTokenVerifier second = verifier(new CachingReplayGuard(shared, Clock.systemUTC(), 100), TokenReuse.ONCE,
                Map.of());
        String token = token("ES", claims -> { });

        assertThat(first.verify(token, Transaction.FHIR_DOCUMENT)).isInstanceOf(VerifiedRequester.class);
        assertThat(refused(second.verify(token, Transaction.FHIR_DOCUMENT)).check()).isEqualTo("replay");
    }

    @Test
    void untilExpiryAcceptsTheSameTokenAgainOnEveryNodeButNotAnotherTokenWithItsJti() {
        InMemoryReplayStore shared = new InMemoryReplayStore();
        BearerTokenVerifier first = verifier(new CachingReplayGuard(shared, Clock.systemUTC(), 100),
                TokenReuse.UNTIL_EXPIRY, Map.of());
        BearerTokenVerifier second = verifier(new CachingReplayGuard(shared, Clock.systemUTC(), 100),
                TokenReuse.UNTIL_EXPIRY, Map.of());
        Map<String, Object> claims = claims("ES");
        String token = token(pki.signer("ES"), claims);

        assertThat(first.verify(token, Transaction.FHIR_DOCUMENT)).isInstanceOf(VerifiedRequester.class);
        assertThat(first.verify(token, Transaction.FHIR_DOCUMENT)).isInstanceOf(VerifiedRequester.class);
        assertThat(second.verify(token, Transaction.FHIR_DOCUMENT)).isInstanceOf(VerifiedRequester.class);

        // Same jti and issuer, other content (another patient): another token, refused on both nodes.
        claims.put("person_id", "156113523811249^^^&1.2.250.1.213.1.4.10&ISO");
        String forged = token(pki.signer("ES"), claims);
        Refusal onFirst = refused(first.verify(forged, Transaction.FHIR_DOCUMENT));
        assertThat(onFirst.check()).isEqualTo("replay");
        assertThat(onFirst.reason()).contains("jti was already used by another token");
        assertThat(refused(second.verify(forged, Transaction.FHIR_DOCUMENT)).check()).isEqualTo("replay");
        // Refusing it recorded nothing that would let it through later.
        assertThat(refused(second.verify(forged, Transaction.FHIR_PATIENT_SEARCH)).check()).isEqualTo("replay");
        assertThat(second.verify(token, Transaction.FHIR_PATIENT_SEARCH)).isInstanceOf(VerifiedRequester.class);
    }

    /** Both modes over the database store two nodes share (H2, and PostgreSQL when configured). */
    @DatabaseTest
    void twoNodesSharingTheDatabaseApplyBothModes(TestDatabase db) {
        BearerTokenVerifier strictA = verifier(new CachingReplayGuard(new JdbcReplayStore(db.dataSource()),
                Clock.systemUTC(), 100), TokenReuse.ONCE, Map.of());
        BearerTokenVerifier strictB = verifier(new CachingReplayGuard(new JdbcReplayStore(db.dataSource()),
                Clock.systemUTC(), 100), TokenReuse.ONCE, Map.of());
        String once = token("ES", claims -> { });
        assertThat(strictA.verify(once, Transaction.FHIR_DOCUMENT)).isInstanceOf(VerifiedRequester.class);
        assertThat(refused(strictB.verify(once, Transaction.FHIR_DOCUMENT)).check()).isEqualTo("replay");

        BearerTokenVerifier lenientA = verifier(new CachingReplayGuard(new JdbcReplayStore(db.dataSource()),
                Clock.systemUTC(), 100), TokenReuse.UNTIL_EXPIRY, Map.of());
        BearerTokenVerifier lenientB = verifier(new CachingReplayGuard(new JdbcReplayStore(db.dataSource()),
                Clock.systemUTC(), 100), TokenReuse.UNTIL_EXPIRY, Map.of());
        Map<String, Object> claims = claims("ES");
        String session = token(pki.signer("ES"), claims);
        claims.put("person_id", "156113523811249^^^&1.2.250.1.213.1.4.10&ISO");
        String forged = token(pki.signer("ES"), claims);
        assertThat(lenientA.verify(session, Transaction.FHIR_DOCUMENT)).isInstanceOf(VerifiedRequester.class);
        for (int i = 0; i < 2; i++) {
            assertThat(lenientB.verify(session, Transaction.FHIR_PATIENT_SEARCH)).isInstanceOf(VerifiedRequester.class);
            assertThat(refused(lenientB.verify(forged, Transaction.FHIR_DOCUMENT)).check()).isEqualTo("replay");
            assertThat(refused(lenientA.verify(forged, Transaction.FHIR_DOCUMENT)).check()).isEqualTo("replay");
        }
    }

    @Test
    void theSameJtiFromAnotherIssuerIsAnotherToken() {
        BearerTokenVerifier verifier = verifier(TokenReuse.ONCE);
        String jti = UUID.randomUUID().toString();

        assertThat(verifier.verify(token("ES", claims -> claims.put("jti", jti)), Transaction.FHIR_DOCUMENT))
                .isInstanceOf(VerifiedRequester.class);
        assertThat(verifier.verify(token("DE", claims -> claims.put("jti", jti)), Transaction.FHIR_DOCUMENT))
                .isInstanceOf(VerifiedRequester.class);
    }

    @Test
    void aRefusedTokenDoesNotUseUpItsJti() {
        BearerTokenVerifier verifier = verifier(TokenReuse.ONCE);
        String jti = UUID.randomUUID().toString();

        assertThat(refused(verifier.verify(token("ES", claims -> {
            claims.put("jti", jti);
            claims.put("purpose_of_use", "RESEARCH");
        }), Transaction.FHIR_DOCUMENT)).check()).isEqualTo("hcp-identity");
        assertThat(verifier.verify(token("ES", claims -> claims.put("jti", jti)), Transaction.FHIR_DOCUMENT))
                .isInstanceOf(VerifiedRequester.class);
    }

    @Test
    void issMustNameTheSignersCountry() {
        BearerTokenVerifier verifier = verifier(TokenReuse.ONCE);

        assertThat(verifier.verify(token("ES", claims -> claims.put("iss", "urn:idp:ES:countryB")),
                Transaction.FHIR_DOCUMENT)).isInstanceOf(VerifiedRequester.class);
        Refusal otherCountry = refused(verifier.verify(token("ES", claims -> claims.put("iss", "urn:idp:DE:countryB")),
                Transaction.FHIR_DOCUMENT));
        assertThat(otherCountry.check()).isEqualTo("issuer");
        assertThat(otherCountry.reason()).isEqualTo("iss names DE but the token is signed by an NCP of ES");
        Refusal noCountry = refused(verifier.verify(token("ES", claims -> claims.put("iss", "https://ncp.example.es")),
                Transaction.FHIR_DOCUMENT));
        assertThat(noCountry.check()).isEqualTo("issuer");
        assertThat(noCountry.reason()).contains("urn:<namespace>:ES:<name>");
        Refusal missing = refused(verifier.verify(token("ES", claims -> claims.remove("iss")), Transaction.FHIR_DOCUMENT));
        assertThat(missing.check()).isEqualTo("claims");
        assertThat(missing.reason()).isEqualTo("the bearer token must carry iss (a non-empty string)");
    }

    @Test
    void aConfiguredIssuerListIsTheOnlyIssuerOfItsCountry() {
        BearerTokenVerifier verifier = verifier(guard(), TokenReuse.ONCE,
                Map.of("ES", List.of("https://ncp.example.es/fhir-tokens")));

        assertThat(verifier.verify(token("ES", claims -> claims.put("iss", "https://ncp.example.es/fhir-tokens")),
                Transaction.FHIR_DOCUMENT)).isInstanceOf(VerifiedRequester.class);
        Refusal convention = refused(verifier.verify(token("ES", claims -> { }), Transaction.FHIR_DOCUMENT));
        assertThat(convention.check()).isEqualTo("issuer");
        assertThat(convention.reason()).contains("passerelle.fhir.security.issuers.ES");
        // Germany has no list: its own convention still holds, and Spain's issuer is not Germany's.
        assertThat(verifier.verify(token("DE", claims -> { }), Transaction.FHIR_DOCUMENT))
                .isInstanceOf(VerifiedRequester.class);
        assertThat(refused(verifier.verify(token("DE", claims -> claims.put("iss",
                "https://ncp.example.es/fhir-tokens")), Transaction.FHIR_DOCUMENT)).check()).isEqualTo("issuer");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
            "exp;'\"soon\"';the bearer token's exp must be a number (seconds since 1970-01-01T00:00:00Z), not a string",
            "iat;true;the bearer token's iat must be a number (seconds since 1970-01-01T00:00:00Z), not a boolean",
            "jti;42;the bearer token's jti must be a string, not a number",
            "iss;[\"urn:idp:ES:countryB\"];the bearer token's iss must be a string, not an array",
            "aud;42;the bearer token's aud must be a string or an array of strings, not a number",
            "aud;[42];the bearer token's aud must be a string or an array of strings, but it holds a number",
            "permissions;'\"urn:oasis:names:tc:xspa:1.0:subject:hl7:permission:PRD-003\"';the bearer token's permissions must be an array of strings, not a string",
            "permissions;[1, 2];the bearer token's permissions must be an array of strings, but it holds a number",
            "sub;{\"id\": \"x\"};the bearer token's sub must be a string, not an object",
            "subject_role;221;the bearer token's subject_role must be a string, not a number",
            "purpose_of_use;[\"TREATMENT\"];the bearer token's purpose_of_use must be a string, not an array",
            "subject_name;false;the bearer token's subject_name must be a string, not a boolean",
    })
    void aClaimOfTheWrongTypeIsRefusedNamingTheClaim(String claim, String json, String reason) throws Exception {
        Object value = com.nimbusds.jose.util.JSONObjectUtils.parse("{\"v\": " + json + "}").get("v");
        Map<String, Object> claims = claims("ES");
        claims.put(claim, value);
        String token = token(pki.signer("ES"), claims);

        Refusal refusal = refused(verifier(TokenReuse.ONCE).verify(token, Transaction.FHIR_DOCUMENT));

        assertThat(refusal.check()).isEqualTo("claims");
        assertThat(refusal.error()).isEqualTo(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED);
        assertThat(refusal.reason()).isEqualTo(reason).doesNotContain("not a signed JWT");
    }

    @Test
    void aMissingTimeIsNamedAndAnUnsignedJunkTokenIsStillNotAJwt() {
        Refusal noExp = refused(verifier(TokenReuse.ONCE).verify(token("ES", claims -> claims.remove("exp")),
                Transaction.FHIR_DOCUMENT));
        assertThat(noExp.check()).isEqualTo("claims");
        assertThat(noExp.reason()).startsWith("the bearer token must carry exp (a number");
        assertThat(refused(verifier(TokenReuse.ONCE).verify("abc.def", Transaction.FHIR_DOCUMENT)).reason())
                .isEqualTo("the bearer token is not a signed JWT");
    }

    @Test
    void anIllTypedClaimOfATokenWhoseSignatureFailsIsASignatureRefusal() {
        Map<String, Object> claims = claims("ES");
        claims.put("exp", "soon");
        String token = token(pki.signer("ES"), claims);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThat(refused(verifier(TokenReuse.ONCE).verify(tampered, Transaction.FHIR_DOCUMENT)).check())
                .isEqualTo("signature");
    }
}

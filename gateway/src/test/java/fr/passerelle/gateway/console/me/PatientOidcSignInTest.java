package fr.passerelle.gateway.console.me;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.SharedDocuments;
import fr.passerelle.gateway.console.CookieBrowser;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.TestGateway;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The patient page's OIDC sign-in, end to end against a stub identity provider (WireMock: discovery, authorize,
 * token, JWKS) and a plain cookie-keeping HTTP client that follows each redirect itself. The provider signs ID tokens
 * with a test RSA key and echoes the nonce the gateway sent, unless a test wants otherwise: the patient named by the
 * token's INS sees their own page; a person without a usable INS gets a page saying so; an ID token whose signature
 * does not hold (claims changed after signing) and one with another nonce are refused, and no session is a patient's.
 */
class PatientOidcSignInTest {

    static final String CLIENT_ID = "passerelle-test";
    static final String CLIENT_SECRET = "client secret of the OIDC sign-in test";
    static final Ins BERTHELOT = new Ins(Ins.TEST_NIR, "284056912304563");
    static final Ins ROCHEFORT = new Ins(Ins.TEST_NIR, "290023306307835");

    static WireMockServer idp;
    static RSAKey signingKey;
    static String issuer;
    static ConfigurableApplicationContext app;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("idp-test-key").generate();
        idp = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        idp.start();
        issuer = "http://127.0.0.1:" + idp.port() + "/idp";
        idp.stubFor(get(urlEqualTo("/idp/.well-known/openid-configuration")).willReturn(json("""
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"]}""".formatted(issuer))));
        idp.stubFor(get(urlEqualTo("/idp/jwks")).willReturn(json(new JWKSet(signingKey.toPublicJWK()).toString())));
        // The person signs in at the provider, which sends the browser back with a code and the state it was given.
        idp.stubFor(get(urlPathEqualTo("/idp/authorize")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{request.query.redirect_uri}}?code=the-code&state={{urlEncode "
                        + "request.query.state}}")
                .withTransformers("response-template")));

        TestGateway gateway = TestGateway.start("patient-oidc",
                "--passerelle.patient.login.oidc.issuer-uri=" + issuer,
                "--passerelle.patient.login.oidc.client-id=" + CLIENT_ID,
                "--passerelle.patient.login.oidc.client-secret=" + CLIENT_SECRET,
                "--passerelle.patient.login.oidc.display-name=IdP de test");
        app = gateway.context();
        base = gateway.base();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (idp != null) {
            idp.stop();
        }
    }

    @Test
    void thePatientNamedByTheIdTokenSeesTheirOwnPage() throws Exception {
        app.getBean(ConsentStore.class).change(BERTHELOT, new ConsentChange.Authorise(new ConsentTerms(
                new CountryScope.Listed(Set.of("ES")), EnumSet.of(SharedDocuments.PATIENT_SUMMARY), Optional.empty()),
                "patient", ConsentChannel.PATIENT_API));
        CookieBrowser browser = new CookieBrowser();
        assertThat(browser.get(base + "/me/login").body()).contains("Se connecter avec IdP de test");

        HttpResponse<String> back = signIn(browser, nonce -> idToken(signingKey, nonce, BERTHELOT));
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow()).isEqualTo(base + "/me");
        HttpResponse<String> page = browser.get(base + "/me");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Partage de mes données de santé en Europe").contains("Jeanne TESTIDP");
        assertThat(summary(page.body())).as("this patient's own sharing, recorded before").contains("Espagne");
        // The gateway authenticated itself at the token endpoint and redeemed the code it was given.
        idp.verify(postRequestedFor(urlEqualTo("/idp/token")).withRequestBody(containing("code=the-code"))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString(
                        (CLIENT_ID + ":" + CLIENT_SECRET.replace(" ", "+")).getBytes(StandardCharsets.UTF_8)))));
        assertThat(browser.get(base + "/admin").statusCode()).as("a patient never opens the operator console")
                .isEqualTo(403);

        // Another patient's sign-in shows that patient's page, not the first one's.
        CookieBrowser other = new CookieBrowser();
        signIn(other, nonce -> idToken(signingKey, nonce, ROCHEFORT));
        assertThat(summary(other.get(base + "/me").body())).contains("aucun professionnel de santé")
                .doesNotContain("Espagne");
    }

    @Test
    void aPersonWithoutAUsableInsGetsAPageSayingSoNotAnError() throws Exception {
        for (Map<String, Object> claims : java.util.List.<Map<String, Object>>of(
                Map.of(), Map.of("ins", BERTHELOT.value(), "ins_oid", "1.2.3.4"))) {
            CookieBrowser browser = new CookieBrowser();
            HttpResponse<String> back = signIn(browser, nonce -> idToken(signingKey, nonce, claims));
            assertThat(back.statusCode()).isEqualTo(302);
            assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/me/login?noIns");
            HttpResponse<String> page = browser.get(base + "/me/login?noIns");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"no-ins\"")
                    .contains("sans votre identifiant national de santé (INS)");
            assertNotSignedIn(browser);
        }
    }

    @Test
    void anIdTokenChangedAfterSigningIsRefused() throws Exception {
        CookieBrowser browser = new CookieBrowser();
        HttpResponse<String> back = signIn(browser, nonce -> {
            // Signed for one patient, then its claims swapped for another's: the signature no longer holds.
            String[] signed = idToken(signingKey, nonce, BERTHELOT).split("\\.");
            String[] forged = idToken(signingKey, nonce, ROCHEFORT).split("\\.");
            return signed[0] + "." + forged[1] + "." + signed[2];
        });
        assertRefused(browser, back);

        CookieBrowser other = new CookieBrowser();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
        assertRefused(other, signIn(other, nonce -> idToken(stranger, nonce, BERTHELOT)));
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() throws Exception {
        CookieBrowser browser = new CookieBrowser();
        assertRefused(browser, signIn(browser, nonce -> idToken(signingKey, nonce + "-other", BERTHELOT)));
        CookieBrowser replay = new CookieBrowser();
        assertRefused(replay, signIn(replay, nonce -> idToken(signingKey, null, BERTHELOT)));
    }

    /** What the token endpoint answers, given the nonce of this sign-in's authorization request. */
    interface TokenFor {
        String idToken(String nonce) throws Exception;
    }

    /**
     * One sign-in: the gateway's redirect to the provider (its nonce captured), the provider's redirect back, and
     * the gateway's answer to that callback (after it redeemed the code for {@code tokens}).
     */
    private HttpResponse<String> signIn(CookieBrowser browser, TokenFor tokens) throws Exception {
        HttpResponse<String> toProvider = browser.get(base + "/me/login/oauth2/authorization/patient");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(issuer + "/authorize?");
        Map<String, String> query = query(URI.create(authorize));
        assertThat(query).containsEntry("client_id", CLIENT_ID).containsEntry("response_type", "code")
                .containsEntry("redirect_uri", base + "/me/login/oauth2/code/patient").containsKey("state")
                .containsKey("nonce");
        assertThat(query.get("scope")).contains("openid");
        // Sign-ins run one after the other: the newest stub answers this one.
        idp.stubFor(post(urlEqualTo("/idp/token")).willReturn(json("""
                {"access_token":"access-token","token_type":"Bearer","expires_in":300,"scope":"openid",
                 "id_token":"%s"}""".formatted(tokens.idToken(query.get("nonce"))))));

        HttpResponse<String> toGateway = browser.get(authorize);
        assertThat(toGateway.statusCode()).isEqualTo(302);
        String callback = toGateway.headers().firstValue("Location").orElseThrow();
        assertThat(query(URI.create(callback))).containsEntry("state", query.get("state"));
        return browser.get(callback);
    }

    private void assertRefused(CookieBrowser browser, HttpResponse<String> back) throws Exception {
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/me/login?failed");
        HttpResponse<String> page = browser.get(base + "/me/login?failed");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"failed\"").contains("pas abouti");
        assertNotSignedIn(browser);
    }

    private void assertNotSignedIn(CookieBrowser browser) throws Exception {
        HttpResponse<String> me = browser.get(base + "/me");
        assertThat(me.statusCode()).isEqualTo(302);
        assertThat(me.headers().firstValue("Location").orElseThrow()).endsWith("/me/login");
    }

    private static String idToken(RSAKey key, String nonce, Ins patient) throws Exception {
        return idToken(key, nonce, Map.of("ins", patient.value(), "ins_oid", patient.oid()));
    }

    private static String idToken(RSAKey key, String nonce, Map<String, Object> insClaims) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject("person-" + now.toEpochMilli())
                .audience(CLIENT_ID).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("given_name", "Jeanne").claim("family_name", "TESTIDP");
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        insClaims.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The text of the page's sharing summary. */
    private static String summary(String page) {
        java.util.regex.Matcher summary = java.util.regex.Pattern.compile("<p id=\"summary\">([^<]*)</p>")
                .matcher(page);
        assertThat(summary.find()).as("a sharing summary on the page").isTrue();
        return summary.group(1);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}

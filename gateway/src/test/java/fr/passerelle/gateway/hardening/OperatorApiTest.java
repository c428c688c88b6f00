package fr.passerelle.gateway.hardening;

import static fr.passerelle.gateway.testsupport.SafeAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.console.CookieBrowser;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.DemoOperator;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Item 4 of the hardening (issue 20): the operators' API believes HTTP Basic credentials only — the console's session
 * cookie opens nothing there, so a page of another site cannot ride on it — refuses what a browser sends for another
 * site, and failed sign-ins are throttled per account (and per address, {@code security.LoginThrottleTest}).
 */
class OperatorApiTest extends GatewayUnderAttack {

    private static final String CONSENT = "/api/admin/patients/" + Ins.TEST_NIR + "/" + BERTHELOT.value() + "/consent";
    private static final String REVOKE_BODY = "{}";

    private String signedInConsoleCookie() throws Exception {
        CookieBrowser browser = new CookieBrowser(http().base());
        HttpResponse<String> login = browser.post("/login", "_csrf", browser.csrf("/login"),
                "username", DemoOperator.USERNAME, "password", DemoOperator.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
        return "PASSERELLE_SESSION=" + browser.cookie("PASSERELLE_SESSION").orElseThrow().getValue();
    }

    @Test
    void aForeignPageRidingTheConsoleSessionCannotChangeAConsent() throws Exception {
        String cookie = signedInConsoleCookie();

        HttpResponse<String> forged = http().send("DELETE", CONSENT, Map.of("Cookie", cookie,
                "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"), (String) null);
        assertProblem(forged, 403);

        // Even from this site, the cookie is not a credential of the API.
        HttpResponse<String> cookieOnly = http().send("DELETE", CONSENT, Map.of("Cookie", cookie), (String) null);
        assertThat(cookieOnly.statusCode()).isEqualTo(401);
        assertThat(cookieOnly.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void basicCredentialsSentByABrowserForAnotherSiteAreRefused() {
        HttpResponse<String> response = http().send("PUT", CONSENT, Map.of("Authorization", DemoOperator.basic(),
                "Origin", "https://evil.example", "Content-Type", "application/json"), REVOKE_BODY);

        assertProblem(response, 403);
    }

    @Test
    void basicCredentialsFromAScriptAreTheWayIn() {
        HttpResponse<String> verify = http().get("/api/admin/audit/verify",
                Map.of("Authorization", DemoOperator.basic()));

        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(verify.headers().firstValue("Set-Cookie")).as("stateless: no session opened").isEmpty();
        // The same origin, as a browser on the gateway's own pages would send it, is not refused.
        assertThat(http().get("/api/admin/audit/verify", Map.of("Authorization", DemoOperator.basic(),
                "Origin", http().base(), "Sec-Fetch-Site", "same-origin")).statusCode()).isEqualTo(200);
    }

    @Test
    void anAccountIsHeldBackAfterFiveFailedSignInsOnTheConsoleAndTheApi() throws Exception {
        String mallory = "mallory-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(http().get("/api/admin/audit/verify", Map.of("Authorization",
                    DemoOperator.basic(mallory, "guess " + attempt))).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> sixth = http().get("/api/admin/audit/verify",
                Map.of("Authorization", DemoOperator.basic(mallory, "guess 6")));
        assertProblem(sixth, 429);
        assertThat(sixth.headers().firstValue("Retry-After")).hasValue("900");

        CookieBrowser browser = new CookieBrowser(http().base());
        HttpResponse<String> form = browser.post("/login", "_csrf", browser.csrf("/login"), "username", mallory,
                "password", "guess 7");
        assertThat(form.statusCode()).isEqualTo(429);

        // Another account from the same address still signs in: the address is far from its own threshold.
        assertThat(http().get("/api/admin/audit/verify", Map.of("Authorization", DemoOperator.basic()))
                .statusCode()).isEqualTo(200);
    }
}

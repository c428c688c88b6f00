package fr.passerelle.gateway.console.me;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.console.CookieBrowser;
import fr.passerelle.gateway.console.admin.ForeignRequests;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.security.PasswordHashing;
import fr.passerelle.gateway.testsupport.Browser;
import fr.passerelle.gateway.testsupport.TestGateway;
import fr.passerelle.trust.issue.DemoPki;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The patient page on the demo defaults (demo health space, dev issuer on, opt-in consent): in a real headless
 * Chromium, a demo patient signs in, shares with one country through the confirmation step, sees it at once, and
 * sees the access that country then makes; over HTTP, who may reach what (anonymous, patient, operator, CSRF).
 */
class PatientPageTest {

    static final String OPERATOR = "oscar";
    static final String PASSWORD = "operator password for the patient page test";
    static final Ins BERTHELOT = new Ins(Ins.TEST_NIR, "284056912304563");
    static final Ins LAMBERTIN = new Ins(Ins.TEST_NIR, "156113523811249");
    static final Ins ROCHEFORT = new Ins(Ins.TEST_NIR, "290023306307835");

    static ConfigurableApplicationContext app;
    static String base;
    static DemoPki demoPki;

    @BeforeAll
    static void start() throws Exception {
        TestGateway gateway = TestGateway.start("patient-page",
                "--passerelle.security.operators[0].username=" + OPERATOR,
                "--passerelle.security.operators[0].password-hash=" + PasswordHashing.encoder().encode(PASSWORD));
        app = gateway.context();
        base = gateway.base();
        demoPki = gateway.demoPki();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aPatientSharesWithSpainConfirmsSeesItAtOnceThenSeesSpainsAccessAndStopsIt() throws Exception {
        WebDriver browser = Browser.open();
        try {
            browser.get(base + "/me");
            assertThat(browser.getCurrentUrl()).contains("/me/login");
            Browser.clickThrough(browser, By.id("sign-in-berthelot"));
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Partage de mes données de santé en Europe");
            assertThat(browser.findElement(By.id("summary")).getText()).contains("aucun professionnel de santé");
            assertThat(browser.findElement(By.id("no-history")).getText()).isEqualTo("Personne, pour l'instant.");
            // Opt-in by default: Spain is refused before the patient decides.
            assertThat(ForeignRequests.summary(base, demoPki.signer("ES"), Ins.TEST_NIR, BERTHELOT.value()))
                    .isEqualTo(403);

            browser.findElement(By.id("choice-listed")).click();
            browser.findElement(By.id("country-ES")).click();
            browser.findElement(By.id("doc-eprescriptions")).click(); // untick: the summary only
            Browser.clickThrough(browser, By.id("review"));
            assertThat(browser.findElement(By.id("proposal")).getText()).isEqualTo("Vous partagez votre synthèse "
                    + "médicale avec les professionnels de santé de ces pays : Espagne, jusqu'à ce que vous changiez "
                    + "d'avis.");
            Browser.clickThrough(browser, By.id("confirm"));

            assertThat(browser.findElement(By.id("changed")).getText()).startsWith("Votre choix est enregistré.");
            assertThat(browser.findElement(By.id("summary")).getText()).contains("Espagne")
                    .contains("votre synthèse médicale").doesNotContain("ordonnances");
            assertThat(browser.findElement(By.id("country-ES")).isSelected()).isTrue();
            // The refused attempt made before is in the history already.
            assertThat(browser.findElement(By.id("history")).getText()).contains("en Espagne");
            Browser.screenshot(browser, "me-sharing");

            // Spain's next request is granted, and the patient reads it in plain words.
            assertThat(ForeignRequests.summary(base, demoPki.signer("ES"), Ins.TEST_NIR, BERTHELOT.value()))
                    .isEqualTo(200);
            browser.get(base + "/me");
            assertThat(browser.findElements(By.cssSelector("#history li.access.ok"))).isNotEmpty();
            assertThat(browser.findElement(By.cssSelector("#history li.access.ok")).getText())
                    .contains("en Espagne").contains("votre synthèse médicale");

            Browser.clickThrough(browser, By.id("lang-switch"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sharing my health data in Europe");
            assertThat(browser.findElement(By.cssSelector("#history li.access.ok")).getText()).contains("in Spain");
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                    browser.findElement(By.id("history")));
            Browser.screenshot(browser, "me-history");

            // Stop sharing: confirmed, shown at once, and Spain's next request is refused.
            browser.findElement(By.id("choice-none")).click();
            Browser.clickThrough(browser, By.id("review"));
            assertThat(browser.findElement(By.id("proposal")).getText()).startsWith("You will no longer share");
            Browser.clickThrough(browser, By.id("confirm"));
            assertThat(browser.findElement(By.id("summary")).getText()).startsWith("You do not share your data");
            assertThat(ForeignRequests.summary(base, demoPki.signer("ES"), Ins.TEST_NIR, BERTHELOT.value()))
                    .isEqualTo(403);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aFormThatCannotBeRecordedSaysWhyAndChangesNothing() throws Exception {
        CookieBrowser patient = signedIn("rochefort");
        HttpResponse<String> noCountry = patient.post("/me/sharing", "_csrf", patient.csrf("/me"),
                "choice", "listed", "documents", "PATIENT_SUMMARY");
        assertThat(noCountry.statusCode()).isEqualTo(400);
        assertThat(noCountry.body()).contains("Cochez au moins un pays");
        HttpResponse<String> pastDate = patient.post("/me/sharing/confirm", "_csrf", patient.csrf("/me"),
                "choice", "all", "documents", "PATIENT_SUMMARY", "until", "2001-01-01", "lang", "en");
        assertThat(pastDate.statusCode()).isEqualTo(400);
        assertThat(pastDate.body()).contains("The end date must be today or later.");
        assertThat(app.getBean(ConsentStore.class).current(ROCHEFORT)).isEmpty();
    }

    @Test
    void anonymousVisitorsAreSentToTheirSignInPage() throws Exception {
        CookieBrowser anonymous = new CookieBrowser(base);
        HttpResponse<String> me = anonymous.get("/me");
        assertThat(me.statusCode()).isEqualTo(302);
        assertThat(me.headers().firstValue("Location").orElseThrow()).endsWith("/me/login");
        HttpResponse<String> admin = anonymous.get("/admin");
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(admin.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(anonymous.get("/api/admin/audit/verify").statusCode()).isIn(302, 401);
    }

    @Test
    void aPatientSessionNeverReachesTheOperatorConsoleNorItsApi() throws Exception {
        CookieBrowser patient = signedIn("lambertin");
        assertThat(patient.get("/me").statusCode()).isEqualTo(200);
        assertThat(patient.get("/admin").statusCode()).isEqualTo(403);
        assertThat(patient.get("/admin/audit").statusCode()).isEqualTo(403);
        // The operators' API takes no session at all (HTTP Basic only): the patient's cookie is no credential there.
        assertThat(patient.get("/api/admin/audit/verify").statusCode()).isEqualTo(401);
        assertThat(patient.get("/api/admin/trust-list").statusCode()).isEqualTo(401);
    }

    @Test
    void anOperatorSessionCannotUseThePatientPage() throws Exception {
        CookieBrowser operator = new CookieBrowser(base);
        HttpResponse<String> login = operator.post("/login", "_csrf", operator.csrf("/login"),
                "username", OPERATOR, "password", PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(operator.get("/admin").statusCode()).isEqualTo(200);
        assertThat(operator.get("/me").statusCode()).isEqualTo(403);
        assertThat(operator.post("/me/sharing/confirm", "_csrf", operator.csrf("/admin/audit"), "choice", "all",
                "documents", "PATIENT_SUMMARY").statusCode()).isEqualTo(403);
    }

    @Test
    void aPatientOnlyEverSeesAndChangesTheirOwnSharingWhateverTheParameters() throws Exception {
        CookieBrowser lambertin = signedIn("lambertin");
        String page = lambertin.get("/me?ins=" + BERTHELOT.value() + "&patient=berthelot&oid=" + Ins.TEST_NIR)
                .body();
        assertThat(page).contains("LAMBERTIN").doesNotContain("BERTHELOT");

        HttpResponse<String> confirm = lambertin.post("/me/sharing/confirm", "_csrf", lambertin.csrf("/me"),
                "choice", "all", "documents", "EPRESCRIPTIONS",
                "ins", ROCHEFORT.value(), "patient", "rochefort", "oid", Ins.TEST_NIR);
        assertThat(confirm.statusCode()).isEqualTo(302);
        ConsentStore consents = app.getBean(ConsentStore.class);
        assertThat(consents.current(LAMBERTIN)).isPresent();
        assertThat(consents.current(ROCHEFORT)).isEmpty();
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefused() throws Exception {
        CookieBrowser patient = signedIn("lefevre");
        assertThat(patient.post("/me/sharing/confirm", "choice", "all", "documents", "PATIENT_SUMMARY")
                .statusCode()).isEqualTo(403);
        assertThat(app.getBean(ConsentStore.class).current(new Ins(Ins.TEST_NIR, "101085935020352"))).isEmpty();
        assertThat(new CookieBrowser(base).post("/me/login/demo", "patient", "lefevre").statusCode())
                .isEqualTo(403);

        CookieBrowser operator = new CookieBrowser(base);
        operator.post("/login", "_csrf", operator.csrf("/login"), "username", OPERATOR, "password", PASSWORD);
        assertThat(operator.post("/admin/terminology/reload").statusCode()).isEqualTo(403);
        assertThat(operator.post("/admin/audit/verify").statusCode()).isEqualTo(403);
        assertThat(operator.post("/admin/terminology/reload", "_csrf", operator.csrf("/admin/terminology"))
                .statusCode()).isEqualTo(302);
    }

    private static CookieBrowser signedIn(String demoPatient) throws Exception {
        CookieBrowser session = new CookieBrowser(base);
        HttpResponse<String> signIn = session.post("/me/login/demo", "_csrf", session.csrf("/me/login"),
                "patient", demoPatient);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).contains("/me");
        return session;
    }
}

package fr.passerelle.gateway.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.security.PasswordHashing;
import fr.passerelle.gateway.testsupport.Browser;
import fr.passerelle.gateway.testsupport.TestGateway;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.trust.issue.DemoPki;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator console in a real headless Chromium, against the whole application on the demo defaults (demo health
 * space, demo PKI and trust list): sign in, then each page shows what the gateway really holds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleBrowserTest {

    static final String OPERATOR = "olivia";
    static final String PASSWORD = "operator password for the browser test";
    static final String BERTHELOT = "284056912304563";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    static ConfigurableApplicationContext app;
    static String base;
    static Path trustList;
    static DemoPki demoPki;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        TestGateway gateway = TestGateway.start("admin-console",
                "--passerelle.trust.reload-interval=1s",
                "--passerelle.consent.default-access=all-participating-countries",
                "--passerelle.security.operators[0].username=" + OPERATOR,
                "--passerelle.security.operators[0].password-hash=" + PasswordHashing.encoder().encode(PASSWORD));
        app = gateway.context();
        base = gateway.base();
        trustList = gateway.home().resolve("data").resolve("trust-list");
        demoPki = gateway.demoPki();
        browser = Browser.open();
        browser.get(base + "/admin");
        // Not signed in: the operator login form.
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(OPERATOR);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        Browser.clickThrough(browser, By.cssSelector("button[type=submit]"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void theTrustListShowsEachCertificatesExpiryAndHighlightsTheOnesAboutToExpire() throws Exception {
        // A partner whose CA expires in ten days joins the list while the gateway runs.
        DemoPki.generate(Instant.now(), Duration.ofDays(10), List.of("BE")).writeTrustList(trustList);
        Thread.sleep(1_200);
        browser.get(base + "/admin/trust");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Trust list");

        WebElement spain = browser.findElement(By.id("country-ES"));
        Instant notAfter = demoPki.authority().getNotAfter().toInstant();
        long daysLeft = Math.floorDiv(Duration.between(Instant.now(), notAfter).toSeconds(), 86_400L);
        assertThat(spain.findElement(By.cssSelector("td.expiry")).getText()).isEqualTo(DAY.format(notAfter));
        assertThat(spain.findElement(By.cssSelector("td.days-left")).getText()).isEqualTo(Long.toString(daysLeft));
        assertThat(spain.findElement(By.cssSelector("tr.cert")).getAttribute("class")).contains("ok");

        WebElement belgium = browser.findElement(By.id("country-BE"));
        assertThat(belgium.findElement(By.cssSelector("td.days-left")).getText()).isIn("9", "10");
        assertThat(belgium.findElement(By.cssSelector("tr.cert")).getAttribute("class")).contains("warn");
        assertThat(browser.findElement(By.id("problems")).getText()).contains("None.");
        assertThat(browser.findElement(By.id("loaded-at")).getText()).endsWith("UTC");
        Browser.screenshot(browser, "admin-trust");
    }

    @Test
    @Order(2)
    void aCrossBorderRequestAppearsInTheAuditUnderAPseudonymAndTheChainVerifies() throws Exception {
        assertThat(ForeignRequests.summary(base, demoPki.signer("ES"), Ins.TEST_NIR, BERTHELOT)).isEqualTo(200);

        browser.get(base + "/admin/audit");
        List<WebElement> rows = browser.findElements(By.cssSelector("#records tr.record"));
        assertThat(rows).isNotEmpty();
        String newest = rows.get(0).getText();
        assertThat(newest).contains("ES").contains("SUCCESS").containsPattern("P-[0-9A-F]{12}");
        assertThat(browser.getPageSource()).doesNotContain(BERTHELOT);

        // The patient's records, by the INS typed in the form (sent in the POST body).
        browser.findElement(By.id("patient")).sendKeys(BERTHELOT);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("patientOid")))
                .selectByValue(Ins.TEST_NIR);
        browser.findElement(By.id("country")).sendKeys("ES");
        Browser.clickThrough(browser, By.id("search-button"));
        List<WebElement> found = browser.findElements(By.cssSelector("#records tr.record"));
        assertThat(found).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("ES"));
        assertThat(browser.getCurrentUrl()).doesNotContain(BERTHELOT);

        // A country with no traffic finds nothing; a bad country is said so.
        browser.get(base + "/admin/audit?country=PT");
        assertThat(browser.findElement(By.id("records")).getText()).contains("No record matches.");
        browser.get(base + "/admin/audit?country=Portugal");
        assertThat(browser.findElement(By.id("search-error")).getText()).contains("two-letter code");

        browser.get(base + "/admin/audit");
        Browser.clickThrough(browser, By.cssSelector("#records tr.record a"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Audit record ");
        assertThat(browser.findElement(By.id("record")).getText()).contains("ES").contains("TREATMENT");
        assertThat(browser.findElement(By.id("patient")).getText()).matches("P-[0-9A-F]{12}");
        assertThat(browser.getPageSource()).doesNotContain(BERTHELOT);

        browser.get(base + "/admin/audit");
        Browser.clickThrough(browser, By.id("verify"));
        assertThat(browser.findElement(By.id("verify-result")).getText()).startsWith("Chain intact: ")
                .contains("records verified");
        Browser.screenshot(browser, "admin-audit");
    }

    @Test
    @Order(3)
    void theOverviewCountsTheTrafficOfTheAuditTrail() {
        browser.get(base + "/admin");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Live overview");
        assertThat(browser.findElement(By.id("total")).getText()).matches("[1-9][0-9]* transactions, .*");
        assertThat(browser.findElement(By.id("by-country")).getText()).contains("ES — ");
        assertThat(browser.findElements(By.cssSelector("#by-transaction svg polyline"))).hasSize(4);
        // The FHIR request of the audit test was timed on this node.
        assertThat(browser.findElement(By.id("latency")).getText()).containsPattern("FHIR [1-9]");
        assertThat(browser.findElement(By.id("health-space")).getText()).contains("always up");
        Browser.screenshot(browser, "admin-overview");
    }

    @Test
    @Order(4)
    void theTerminologyPageShowsTheCatalogueAndReloadsIt() {
        TerminologyCatalogue catalogue = app.getBean(TerminologyCatalogue.class);
        browser.get(base + "/admin/terminology");
        assertThat(browser.findElement(By.id("value-sets")).getText())
                .isEqualTo(Integer.toString(catalogue.statistics().valueSets()));
        assertThat(browser.findElement(By.id("designations")).getText())
                .isEqualTo(Integer.toString(catalogue.statistics().designations()));
        assertThat(browser.findElement(By.id("sources")).getText()).isNotBlank();
        Instant before = catalogue.loadedAt();

        Browser.clickThrough(browser, By.id("reload"));
        assertThat(browser.findElement(By.id("reload-result")).getText()).startsWith("Reloaded in ");
        assertThat(catalogue.loadedAt()).isAfter(before);
        Browser.screenshot(browser, "admin-terminology");
    }
}

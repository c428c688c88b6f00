package fr.passerelle.gateway.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.testsupport.Browser;
import fr.passerelle.gateway.testsupport.DemoGatewayTest;
import fr.passerelle.gateway.testsupport.DemoOperator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@code /demo} page shows the reports (original clinical documents) a patient shares, in a real headless
 * Chromium against one running gateway: the PDF embedded from the console under the page's CSP, and, over FHIR, the
 * laboratory results of the lab report's FHIR Bundle; nothing when the consent does not share the reports.
 */
@DemoGatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OriginalClinicalDocumentsDemoTest {

    static {
        DemoOperator.install();
    }

    /** Demo patient with a CR-BIO (TSH) and a CR-IMG (src/data/demo/README.md). */
    static final String BERTHELOT = "284056912304563";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private WebDriver browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void fhirRoadShowsTheLabResultsTableAndEachReportsPdfEmbeddedFromTheConsole() throws Exception {
        consent(BERTHELOT, "\"PATIENT_SUMMARY\",\"EPRESCRIPTIONS\",\"ORIGINAL_CLINICAL_DOCUMENTS\"");

        submit("IT", "doctor", BERTHELOT, "FHIR", "en");

        assertThat(browser.findElements(By.id("refusal"))).isEmpty();
        assertThat(kinds()).containsExactlyInAnyOrder("Laboratory report", "Imaging report");
        WebElement lab = report("Laboratory report");
        List<String> rows = lab.findElements(By.cssSelector("tr.lab-result")).stream().map(WebElement::getText).toList();
        // The TSH of the demo CR-BIO, as the lab wrote it: value, unit, range.
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("3016-3", "1.950", "m[IU]/L", "0.270 – 4.200"));
        assertThat(report("Imaging report").findElements(By.cssSelector("tr.lab-result"))).as("no FHIR form").isEmpty();
        for (WebElement report : browser.findElements(By.cssSelector("article.report"))) {
            pdfServed(report.findElement(By.cssSelector("object.report-pdf")).getAttribute("data"));
        }
        assertThat(text("trace")).contains("FHIR DocumentReference search", "laboratory report Bundle", "OrCD")
                .doesNotContain(BERTHELOT);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('reports').scrollIntoView()");
        Browser.screenshot(browser, "demo-reports-fhir");
    }

    @Test
    void soapRoadShowsEachReportsPdf() throws Exception {
        consent(BERTHELOT, "\"PATIENT_SUMMARY\",\"EPRESCRIPTIONS\",\"ORIGINAL_CLINICAL_DOCUMENTS\"");

        submit("ES", "doctor", BERTHELOT, "SOAP", "en");

        assertThat(text("documents")).contains("Patient Summary");
        assertThat(kinds()).containsExactlyInAnyOrder("Laboratory report", "Imaging report");
        for (WebElement report : browser.findElements(By.cssSelector("article.report"))) {
            pdfServed(report.findElement(By.cssSelector("object.report-pdf")).getAttribute("data"));
            assertThat(report.findElement(By.cssSelector("a.report-pdf-link")).getAttribute("href"))
                    .isEqualTo(report.findElement(By.cssSelector("object.report-pdf")).getAttribute("data"));
        }
        assertThat(text("trace")).contains("2 report(s)");
    }

    @Test
    void aConsentThatDoesNotShareTheReportsShowsTheRestAndNoReport() throws Exception {
        consent(BERTHELOT, "\"PATIENT_SUMMARY\",\"EPRESCRIPTIONS\"");

        submit("IT", "doctor", BERTHELOT, "FHIR", "en");
        assertThat(browser.findElements(By.id("refusal"))).isEmpty();
        assertThat(text("documents")).contains("Patient Summary");
        assertThat(browser.findElements(By.id("reports"))).isEmpty();
        assertThat(steps()).anySatisfy(step -> assertThat(step).contains("FHIR DocumentReference search", "403",
                "4701"));

        submit("ES", "doctor", BERTHELOT, "SOAP", "en");
        assertThat(text("documents")).contains("Patient Summary");
        assertThat(browser.findElements(By.id("reports"))).isEmpty();
    }

    @Test
    void thePageForbidsOutsideScriptsAndAllowsOnlyItsOwnPdfsAndAnUnknownPdfIsA404() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/demo")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'none'", "object-src 'self'", "frame-ancestors 'none'",
                "default-src 'self'");
        for (String path : List.of("/demo/pdf/" + "0".repeat(32), "/demo/pdf/not-a-token", "/demo/pdf/")) {
            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).as(path).isEqualTo(404);
            assertThat(unknown.body()).as(path).doesNotContain("Exception");
        }
    }

    // --- helpers ---

    /** The embedded URL is this console's and answers the PDF, inline, framable by this origin only. */
    private void pdfServed(String url) throws Exception {
        assertThat(url).startsWith(base() + "/demo/pdf/");
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
        assertThat(pdf.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'self'");
        assertThat(pdf.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    private List<String> kinds() {
        return browser.findElements(By.cssSelector("article.report .report-kind")).stream().map(WebElement::getText)
                .toList();
    }

    private WebElement report(String kind) {
        return browser.findElements(By.cssSelector("article.report")).stream()
                .filter(r -> r.findElement(By.cssSelector(".report-kind")).getText().equals(kind)).findFirst()
                .orElseThrow();
    }

    private void submit(String country, String practitioner, String ins, String road, String language) {
        browser.get(base() + "/demo");
        new Select(browser.findElement(By.id("country"))).selectByValue(country);
        new Select(browser.findElement(By.id("practitioner"))).selectByValue(practitioner);
        WebElement input = browser.findElement(By.id("ins"));
        input.clear();
        input.sendKeys(ins);
        new Select(browser.findElement(By.id("road"))).selectByValue(road);
        new Select(browser.findElement(By.id("language"))).selectByValue(language);
        browser.findElement(By.id("run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> !driver.findElements(By.id("trace")).isEmpty()
                || !driver.findElements(By.id("form-errors")).isEmpty());
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private List<String> steps() {
        return browser.findElements(By.cssSelector("#trace tr.step")).stream()
                .map(row -> String.join(" | ", row.findElements(By.tagName("td")).stream().skip(1)
                        .map(WebElement::getText).toList()))
                .toList();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Grants the documents named (all countries) through the patient API, as the patient would. */
    private void consent(String ins, String documents) throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base() + "/dev/patient-token?ins=" + ins))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        Matcher accessToken = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        assertThat(accessToken.find()).isTrue();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/patient/consent"))
                .header("Authorization", "Bearer " + accessToken.group(1))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"allCountries\":true,\"documents\":[" + documents + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}

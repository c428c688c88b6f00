package fr.passerelle.gateway.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.testsupport.Browser;
import fr.passerelle.gateway.testsupport.DemoGatewayTest;
import fr.passerelle.gateway.testsupport.DemoOperator;
import fr.passerelle.gateway.testsupport.DemoPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The {@code /demo} page shows the reports (original clinical documents) a patient shares, in a real headless
 * Chromium against one running gateway: the PDF embedded from the console under the page's CSP, and, over FHIR, the
 * laboratory results of the lab report's FHIR Bundle; nothing when the consent does not share the reports.
 */
@DemoGatewayTest
class OriginalClinicalDocumentsDemoTest {

    static {
        DemoOperator.install();
    }

    /** Demo patient with a CR-BIO (TSH) and a CR-IMG (src/data/demo/README.md). */
    static final String BERTHELOT = "284056912304563";

    @RegisterExtension
    static final DemoPage demo = new DemoPage();

    private final HttpClient http = HttpClient.newHttpClient();
    /** The page's browser: each test's instance is made after the extension has opened it. */
    private final WebDriver browser = demo.browser();

    @Test
    void fhirRoadShowsTheLabResultsTableAndEachReportsPdfEmbeddedFromTheConsole() throws Exception {
        demo.share(BERTHELOT, "PATIENT_SUMMARY", "EPRESCRIPTIONS", "ORIGINAL_CLINICAL_DOCUMENTS");

        demo.submit("IT", "doctor", BERTHELOT, "FHIR", "en");

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
        assertThat(demo.text("trace")).contains("FHIR DocumentReference search", "laboratory report Bundle", "OrCD")
                .doesNotContain(BERTHELOT);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('reports').scrollIntoView()");
        Browser.screenshot(browser, "demo-reports-fhir");
    }

    @Test
    void soapRoadShowsEachReportsPdf() throws Exception {
        demo.share(BERTHELOT, "PATIENT_SUMMARY", "EPRESCRIPTIONS", "ORIGINAL_CLINICAL_DOCUMENTS");

        demo.submit("ES", "doctor", BERTHELOT, "SOAP", "en");

        assertThat(demo.text("documents")).contains("Patient Summary");
        assertThat(kinds()).containsExactlyInAnyOrder("Laboratory report", "Imaging report");
        for (WebElement report : browser.findElements(By.cssSelector("article.report"))) {
            pdfServed(report.findElement(By.cssSelector("object.report-pdf")).getAttribute("data"));
            assertThat(report.findElement(By.cssSelector("a.report-pdf-link")).getAttribute("href"))
                    .isEqualTo(report.findElement(By.cssSelector("object.report-pdf")).getAttribute("data"));
        }
        assertThat(demo.text("trace")).contains("2 report(s)");
    }

    @Test
    void aConsentThatDoesNotShareTheReportsShowsTheRestAndNoReport() throws Exception {
        demo.share(BERTHELOT, "PATIENT_SUMMARY", "EPRESCRIPTIONS");

        demo.submit("IT", "doctor", BERTHELOT, "FHIR", "en");
        assertThat(browser.findElements(By.id("refusal"))).isEmpty();
        assertThat(demo.text("documents")).contains("Patient Summary");
        assertThat(browser.findElements(By.id("reports"))).isEmpty();
        assertThat(demo.steps()).anySatisfy(step -> assertThat(step).contains("FHIR DocumentReference search", "403",
                "4701"));

        demo.submit("ES", "doctor", BERTHELOT, "SOAP", "en");
        assertThat(demo.text("documents")).contains("Patient Summary");
        assertThat(browser.findElements(By.id("reports"))).isEmpty();
    }

    @Test
    void thePageForbidsOutsideScriptsAndAllowsOnlyItsOwnPdfsAndAnUnknownPdfIsA404() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(demo.base() + "/demo")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'none'", "object-src 'self'", "frame-ancestors 'none'",
                "default-src 'self'");
        for (String path : List.of("/demo/pdf/" + "0".repeat(32), "/demo/pdf/not-a-token", "/demo/pdf/")) {
            HttpResponse<String> unknown = http.send(
                    HttpRequest.newBuilder(URI.create(demo.base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).as(path).isEqualTo(404);
            assertThat(unknown.body()).as(path).doesNotContain("Exception");
        }
    }

    // --- helpers ---

    /** The embedded URL is this console's and answers the PDF, inline, framable by this origin only. */
    private void pdfServed(String url) throws Exception {
        assertThat(url).startsWith(demo.base() + "/demo/pdf/");
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

}

package fr.passerelle.gateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The console's {@code /demo} page driven in a {@link Browser}: the foreign practitioner's form filled and run, the
 * answered page read by element id; and the demo patient's consent changed through the patient API beforehand, as
 * the patient would.
 *
 * <p>A JUnit extension for a Spring Boot test class on a random port: registered in a static field
 * ({@code @RegisterExtension static final DemoPage demo = new DemoPage();}) it opens one browser on the class's
 * running gateway before all its tests and quits it after them.
 */
public final class DemoPage implements BeforeAllCallback, AfterAllCallback {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private WebDriver browser;
    private String base;

    @Override
    public void beforeAll(ExtensionContext context) {
        int port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
        base = "http://127.0.0.1:" + port;
        browser = Browser.open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** The browser, open between the class's first and last test. */
    public WebDriver browser() {
        return browser;
    }

    public String base() {
        return base;
    }

    /** Fills the form and runs it; returns once the answered page (a trace, or the form's errors) is shown. */
    public void submit(String country, String practitioner, String ins, String road, String language) {
        browser.get(base + "/demo");
        select("country", country);
        select("practitioner", practitioner);
        type("ins", ins);
        select("road", road);
        select("language", language);
        browser.findElement(By.id("run")).click();
        // The click only starts the post: wait for the answered page before reading it.
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(driver -> !driver.findElements(By.id("trace")).isEmpty()
                || !driver.findElements(By.id("form-errors")).isEmpty());
    }

    public void select(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    public void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    public String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The values a select offers, in order. */
    public List<String> options(String id) {
        return new Select(browser.findElement(By.id(id))).getOptions().stream().map(o -> o.getAttribute("value"))
                .toList();
    }

    /** The trace's steps, one line each: the cells after the first, joined by {@code " | "}. */
    public List<String> steps() {
        return browser.findElements(By.cssSelector("#trace tr.step")).stream()
                .map(row -> String.join(" | ", row.findElements(By.tagName("td")).stream().skip(1)
                        .map(WebElement::getText).toList()))
                .toList();
    }

    /** Shares the documents named (e.g. {@code PATIENT_SUMMARY}) with all countries, through the patient API. */
    public void share(String ins, String... documents) throws IOException, InterruptedException {
        String listed = Arrays.stream(documents).map(d -> "\"" + d + "\"").collect(Collectors.joining(","));
        consent(ins, request -> request.header("Content-Type", "application/json").PUT(
                HttpRequest.BodyPublishers.ofString("{\"allCountries\":true,\"documents\":[" + listed + "]}")));
    }

    /** Takes the patient's consent back, through the patient API. */
    public void revoke(String ins) throws IOException, InterruptedException {
        consent(ins, HttpRequest.Builder::DELETE);
    }

    private void consent(String ins, UnaryOperator<HttpRequest.Builder> change)
            throws IOException, InterruptedException {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/patient-token?ins=" + ins))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        Matcher accessToken = ACCESS_TOKEN.matcher(token.body());
        assertThat(accessToken.find()).isTrue();
        HttpResponse<String> response = http.send(change.apply(HttpRequest.newBuilder(
                        URI.create(base + "/api/patient/consent")).header("Authorization", "Bearer " + accessToken.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}

package fr.passerelle.gateway.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through the system chromedriver, for the console tests.
 *
 * <p>Selenium Manager is never asked to download a browser or a driver (the network is closed):
 * both binaries come from Debian's {@code chromium} and {@code chromium-driver} packages, which
 * {@code .ci/run} installs. Without them the tests are skipped locally, but fail when
 * {@code PASSERELLE_TEST_BROWSER=required} (as CI sets it), so CI can never pass by skipping.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of(System.getProperty("passerelle.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("passerelle.test.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /** A fresh headless browser with its own empty profile; quit it when done. */
    public static WebDriver open() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "required".equals(System.getenv("PASSERELLE_TEST_BROWSER"))) {
            throw new IllegalStateException("PASSERELLE_TEST_BROWSER=required but " + CHROMIUM + " or "
                    + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, () -> "browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " not found (apt-get install chromium chromium-driver, or point -Dpasserelle.test.chromium and"
                + " -Dpasserelle.test.chromedriver at them)");
        Path profile;
        try {
            profile = Files.createTempDirectory("passerelle-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The closed network refuses Chromium's background connections; keep it from trying.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /**
     * Clicks what leads to another page (a link, a form's submit button) and returns once that page has replaced
     * the current one. A bare {@code click()} may return before the browser has left the old page, so the next
     * lookup could run against it (seen on a loaded machine).
     */
    public static void clickThrough(WebDriver driver, By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> left(page));
    }

    /**
     * Whether the page an element belongs to has been replaced. Mid-navigation Chromium may answer a question about
     * the old page's node with an inspector error ("Node with given id does not belong to the document") instead of
     * a stale reference (seen in CI): that too says the old document is gone.
     */
    static boolean left(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Saves a screenshot of the current page to {@code target/screenshots/NAME.png}; with
     * {@code -Dpasserelle.update-screenshots=true} also to the repository's {@code docs/img/},
     * which is how the README's pictures are refreshed.
     */
    public static Path screenshot(WebDriver driver, String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, png);
            if (Boolean.getBoolean("passerelle.update-screenshots")) {
                Path docs = Path.of("..", "docs", "img", name + ".png");
                Files.createDirectories(docs.getParent());
                Files.copy(target, docs, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("could not save screenshot " + name, e);
        }
    }
}

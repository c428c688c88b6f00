package fr.passerelle.gateway.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.testsupport.Browser;
import fr.passerelle.gateway.testsupport.DemoGatewayTest;
import fr.passerelle.gateway.testsupport.DemoOperator;
import fr.passerelle.gateway.testsupport.DemoPage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The {@code /demo} page in a real headless Chromium against one running gateway (random port, embedded defaults:
 * demo health space, demo PKI): the page signs with the demo ES/IT/DE keys and runs the real SOAP and FHIR roads
 * over HTTP; consent is changed through the patient API with a dev patient token, the audit read through the
 * operators' API.
 */
@DemoGatewayTest
class ForeignPractitionerDemoTest {

    static final String OPERATOR = DemoOperator.USERNAME;
    static final String OPERATOR_PASSWORD = DemoOperator.PASSWORD;

    static {
        // Hashed when the class loads, before the context starts: the annotation's properties read it.
        DemoOperator.install();
    }

    /** Demo patients (src/data/demo/README.md), one per test so tests do not depend on each other's consent. */
    static final String BERTHELOT = "284056912304563";
    static final String LAMBERTIN = "156113523811249";
    static final String LEFEVRE = "101085935020352";
    static final String ODILE_MARTIN = "238016311300935";

    @RegisterExtension
    static final DemoPage demo = new DemoPage();

    private final HttpClient http = HttpClient.newHttpClient();
    /** The page's browser: each test's instance is made after the extension has opened it. */
    private final WebDriver browser = demo.browser();

    @Test
    void formOffersTheDemoCountriesPractitionersAndPatients() {
        browser.get(demo.base() + "/demo");
        assertThat(demo.options("country")).containsExactly("DE", "ES", "IT");
        assertThat(demo.options("practitioner")).contains("doctor", "emergency", "pharmacist");
        assertThat(demo.options("road")).containsExactly("SOAP", "FHIR");
        assertThat(demo.options("language")).containsExactly("en", "fr", "de", "es", "it");
        browser.findElement(By.tagName("details")).click();
        assertThat(browser.findElement(By.id("patients")).getText()).contains(BERTHELOT, "BERTHELOT", LAMBERTIN);
        Browser.screenshot(browser, "demo-form");
    }

    @Test
    void soapRoadShowsTheSummaryWithTranslatedDisplaysAndTheTrace() throws Exception {
        demo.share(BERTHELOT, "PATIENT_SUMMARY", "EPRESCRIPTIONS");

        demo.submit("ES", "doctor", BERTHELOT, "SOAP", "en");

        assertThat(demo.text("patient-name")).isEqualTo("ELODIE MARIE BERTHELOT");
        String documents = demo.text("documents");
        assertThat(documents).contains("Patient Summary", "ePrescription");
        // The allergy section of the IPS-FR sample: heading from its LOINC code in English, the French title beside.
        assertThat(documents).contains("Allergies and adverse reactions", "Allergies, hypersensibilités");
        // The French agent PARACETAMOL (XM5DJ7) transcoded to ATC N02BE01, shown with its French original.
        assertThat(documents).contains("paracetamol", "N02BE01", "FR XM5DJ7 PARACETAMOL");
        // A French CIM-10 diagnosis: its display in English, the French one kept as the original.
        assertThat(documents).contains("Transient cerebral ischaemic attack, unspecified",
                "FR G45.9 Accident Ischémique Cérébral Transitoire");
        assertThat(demo.steps()).extracting(s -> s.split("\\s+\\|\\s+")[0])
                .contains("XCPD ITI-55 patient discovery", "XCA ITI-38 document query", "XCA ITI-39 document retrieve");
        assertThat(demo.text("trace")).doesNotContain(BERTHELOT);
        // Her reports are not shared: the query says so beside the answer (PartialSuccess, 4701), and the demo shows it.
        assertThat(demo.steps()).filteredOn(s -> s.startsWith("XCA ITI-38")).singleElement()
                .satisfies(s -> assertThat(s).contains("PartialSuccess").contains("RegistryError 4701"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('documents').scrollIntoView()");
        Browser.screenshot(browser, "demo-summary");
    }

    @Test
    void fhirRoadShowsTheSummaryAndThePrescriptionsInTheChosenLanguage() throws Exception {
        demo.share(BERTHELOT, "PATIENT_SUMMARY", "EPRESCRIPTIONS");

        demo.submit("IT", "doctor", BERTHELOT, "FHIR", "de");

        String documents = demo.text("documents");
        assertThat(documents).contains("Patient Summary", "ePrescription");
        // Headings and displays in German; LEVOTHYROX (French CIS 62080626) transcoded to ATC H03AA01.
        assertThat(documents).contains("Allergien und Unverträglichkeiten", "Medikation", "Paracetamol",
                "Levothyroxin-Natrium", "H03AA01", "FR 62080626 LEVOTHYROX", "zum Einnehmen"); // EDQM's German term
        assertThat(demo.text("trace"))
                .contains("FHIR Patient search", "FHIR Patient $summary", "FHIR MedicationRequest search")
                .doesNotContain(BERTHELOT);
        assertThat(browser.findElements(By.id("refusal"))).isEmpty();
    }

    /** Identification policy (docs/security.md): a patient who shares nothing is answered as an unknown one. */
    @Test
    void patientWithoutConsentIsAnsweredAsNoMatch() {
        demo.submit("ES", "doctor", LAMBERTIN, "SOAP", "en");

        assertThat(demo.text("refusal-code")).isEqualTo("ERROR_PI_NO_MATCH");
        assertThat(browser.findElements(By.id("documents"))).isEmpty();
        assertThat(demo.text("trace")).contains("XCPD ITI-55 patient discovery");
        Browser.screenshot(browser, "demo-refusal");

        demo.submit("ES", "doctor", LAMBERTIN, "FHIR", "en");
        assertThat(demo.text("refusal-code")).isEqualTo("ERROR_PI_NO_MATCH");
    }

    @Test
    void aConsentChangeTakesEffectOnTheNextDemoRequest() throws Exception {
        demo.submit("DE", "doctor", ODILE_MARTIN, "SOAP", "fr");
        assertThat(demo.text("refusal-code")).isEqualTo("ERROR_PI_NO_MATCH");

        demo.share(ODILE_MARTIN, "PATIENT_SUMMARY", "EPRESCRIPTIONS");
        demo.submit("DE", "doctor", ODILE_MARTIN, "SOAP", "fr");
        assertThat(browser.findElements(By.id("refusal"))).isEmpty();
        assertThat(demo.text("patient-name")).contains("MARTIN");

        demo.revoke(ODILE_MARTIN);
        demo.submit("DE", "doctor", ODILE_MARTIN, "SOAP", "fr");
        assertThat(demo.text("refusal-code")).isEqualTo("ERROR_PI_NO_MATCH");
    }

    @Test
    void eachDemoRequestAppearsInTheAuditTrail() throws Exception {
        String patient = URLEncoder.encode("urn:oid:1.2.250.1.213.1.4.10|" + LEFEVRE, StandardCharsets.UTF_8);
        int before = auditEvents("patient=" + patient + "&country=IT");

        demo.submit("IT", "doctor", LEFEVRE, "SOAP", "en");
        assertThat(demo.text("refusal-code")).isEqualTo("ERROR_PI_NO_MATCH");

        assertThat(auditEvents("patient=" + patient + "&country=IT")).isGreaterThan(before);
    }

    @Test
    void badInputIsAFormErrorNeverAServerError() {
        demo.submit("ES", "doctor", "12345", "SOAP", "en");
        assertThat(demo.text("error-ins")).contains("15 characters");
        assertThat(browser.findElements(By.id("trace"))).isEmpty();

        demo.submit("ES", "doctor", "284056912304564", "SOAP", "en");
        assertThat(demo.text("error-ins")).contains("key");

        // A country the form does not offer (a forged post): the option is added by script, as a crafted request would.
        browser.get(demo.base() + "/demo");
        ((JavascriptExecutor) browser).executeScript("var o=document.createElement('option');o.value='XX';"
                + "o.text='XX';document.getElementById('country').appendChild(o);");
        demo.select("country", "XX");
        demo.type("ins", BERTHELOT);
        browser.findElement(By.id("run")).click();
        // The click only starts the post: wait for the answered page before reading it.
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> !driver.findElements(By.id("error-country")).isEmpty());
        assertThat(demo.text("error-country")).contains("Unknown country");
        assertThat(demo.text("country")).isNotEmpty();
    }

    @Test
    void anUnknownInsIsTheGatewaysNoMatchAnswer() {
        demo.submit("ES", "doctor", "199999999999995", "FHIR", "en");
        assertThat(demo.text("refusal-code")).isEqualTo("ERROR_PI_NO_MATCH");
    }

    /** How many AuditEvents the operators' API lists for a query. */
    private int auditEvents(String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(demo.base()
                        + "/api/admin/audit/AuditEvent?_count=100&" + query))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (OPERATOR + ":" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher events = Pattern.compile("\"resourceType\"\\s*:\\s*\"AuditEvent\"").matcher(response.body());
        int count = 0;
        while (events.find()) {
            count++;
        }
        return count;
    }
}

package fr.passerelle.gateway.audit.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import fr.passerelle.gateway.PasserelleApplication;
import fr.passerelle.gateway.access.AccessFixtures;
import fr.passerelle.gateway.audit.AuditFixtures;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.security.PasswordHashing;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The audit trail as FHIR AuditEvents, over HTTP, for operators only. */
class AuditEventControllerTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    @Test
    void operatorsSearchAuditEventsByPatientAndCountryOthersAreRefused() throws Exception {
        String hash = PasswordHashing.encoder().encode("operator-secret");
        try (ConfigurableApplicationContext context = SpringApplication.run(PasserelleApplication.class,
                "--server.port=0", "--passerelle.data-dir=" + dataDir,
                "--passerelle.security.operators[0].username=operator",
                "--passerelle.security.operators[0].password-hash=" + hash)) {
            port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            AuditTrail trail = context.getBean(AuditTrail.class);
            trail.record(AuditFixtures.granted("1.2.250.1.999.1"));
            trail.record(AuditFixtures.refusedEmergency());
            String patient = "urn:oid:" + AccessFixtures.PATIENT.oid() + "|" + AccessFixtures.PATIENT.value();
            FhirContext fhir = context.getBean(FhirContext.class);

            HttpResponse<String> anonymous = get("patient=" + encode(patient), false);
            HttpResponse<String> byPatient = get("patient=" + encode(patient), true);
            HttpResponse<String> otherCountry = get("country=IT", true);
            HttpResponse<String> badCountry = get("country=ESP", true);

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(byPatient.statusCode()).isEqualTo(200);
            assertThat(byPatient.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/fhir+json"));
            Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, byPatient.body());
            assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
            assertThat(bundle.getEntry()).hasSize(2).allSatisfy(entry ->
                    assertThat(entry.getResource()).isInstanceOf(AuditEvent.class));
            assertThat(((AuditEvent) bundle.getEntryFirstRep().getResource()).getOutcome())
                    .as("newest first: the refused emergency request")
                    .isEqualTo(AuditEvent.AuditEventOutcome._4);
            assertThat(fhir.newJsonParser().parseResource(Bundle.class, otherCountry.body()).getEntry()).isEmpty();
            assertThat(badCountry.statusCode()).isEqualTo(400);
            assertThat(fhir.newJsonParser().parseResource(OperationOutcome.class, badCountry.body())
                    .getIssueFirstRep().getDiagnostics()).contains("country");
        }
    }

    private HttpResponse<String> get(String query, boolean asOperator) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/admin/audit/AuditEvent?" + query));
        if (asOperator) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("operator:operator-secret".getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package fr.passerelle.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.gateway.patient.PatientSide;
import fr.passerelle.gateway.testsupport.Databases;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deny by default; operators for the consoles; protocol endpoints and probes open. */
class SecurityChainsTest {

    static PatientSide app;

    @BeforeAll
    static void start() {
        TestDatabase db = Databases.h2("SecurityChainsTest");
        app = new PatientSide(db);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void consolesNeedAnOperator() throws Exception {
        assertThat(app.getAnonymous("/api/admin/audit/verify").statusCode()).isIn(401, 302);
        assertThat(app.getAsOperator("/api/admin/audit/verify", PatientSide.OPERATOR, "wrong password").statusCode())
                .isEqualTo(401);
        var verify = app.getAsOperator("/api/admin/audit/verify", PatientSide.OPERATOR, PatientSide.OPERATOR_PASSWORD);
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(verify.body()).contains("\"intact\":true");
        // Past security (no page there yet): not found rather than refused.
        assertThat(app.getAsOperator("/admin/anything", PatientSide.OPERATOR, PatientSide.OPERATOR_PASSWORD)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aPatientTokenOpensNoConsole() throws Exception {
        String token = app.tokenFor("280017512345678");
        assertThat(app.get("/api/admin/audit/verify", token).statusCode()).isIn(401, 302, 403);
    }

    @Test
    void protocolEndpointsAndProbesAreOpenAndEverythingElseIsDenied() throws Exception {
        assertThat(app.getAnonymous("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(app.getAnonymous("/services/nothing-here").statusCode()).isNotIn(401, 403, 302);
        assertThat(app.getAnonymous("/fhir/metadata").statusCode()).isNotIn(401, 403, 302);
        assertThat(app.getAnonymous("/api/patient/openapi.yaml").statusCode()).isEqualTo(200);
        assertThat(app.getAnonymous("/actuator/env").statusCode()).isIn(401, 302);
        assertThat(app.getAnonymous("/somewhere/else").statusCode()).isIn(401, 302);
        assertThat(app.getAsOperator("/somewhere/else", PatientSide.OPERATOR, PatientSide.OPERATOR_PASSWORD)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void anOperatorRecordsAPatientsWrittenRequestAndThePatientSeesWhoActed() throws Exception {
        String path = "/api/admin/patients/1.2.250.1.213.1.4.10/270017512340000/consent";
        var authorised = app.asOperator("PUT", path, "{\"allCountries\":true,\"documents\":[\"EPRESCRIPTIONS\"]}");
        assertThat(authorised.statusCode()).isEqualTo(200);
        assertThat(PatientSide.json(authorised).get("changedBy").asString()).isEqualTo("operator:alice");
        assertThat(app.asOperator("DELETE", path, null).statusCode()).isEqualTo(200);

        var history = PatientSide.json(app.get("/api/patient/consent/history", app.tokenFor("270017512340000")));
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("channel").asString()).isEqualTo("OPERATOR");
        assertThat(history.get(1).get("state").asString()).isEqualTo("REVOKED");

        assertThat(app.asOperator("PUT", "/api/admin/patients/9.9.9/270017512340000/consent",
                "{\"allCountries\":true,\"documents\":[\"EPRESCRIPTIONS\"]}").statusCode()).isEqualTo(400);
        assertThat(app.put(path, app.tokenFor("270017512340000"),
                "{\"allCountries\":true,\"documents\":[\"EPRESCRIPTIONS\"]}").statusCode()).isIn(401, 302, 403);
    }

    @Test
    void operatorPasswordsMustBeHashes() {
        assertThatThrownBy(() -> new OperatorAccount("bob", "plain-password"))
                .hasMessageContaining("must be a hash");
        assertThat(new OperatorAccount("bob", "{bcrypt}$2a$10$abc").toString()).doesNotContain("bcrypt");
    }

    @Test
    void theHashPasswordCommandHashesWhatItReadsOnStandardInput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        HashPasswordCommand command = new HashPasswordCommand(new ByteArrayInputStream(
                "a long enough password\n".getBytes(StandardCharsets.UTF_8)));

        int status = command.run(List.of(), new PrintStream(out), new PrintStream(err));

        String hash = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(status).isZero();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(PasswordHashing.encoder().matches("a long enough password", hash)).isTrue();
        assertThat(new HashPasswordCommand(new ByteArrayInputStream("short\n".getBytes()))
                .run(List.of(), new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        assertThat(command.run(List.of("secret"), new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }
}

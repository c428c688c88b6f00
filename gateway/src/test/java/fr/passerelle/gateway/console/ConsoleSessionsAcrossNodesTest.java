package fr.passerelle.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.PasserelleApplication;
import fr.passerelle.gateway.console.admin.ForeignRequests;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.security.PasswordHashing;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.SoapHttp;
import fr.passerelle.gateway.soap.SoapMessages;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Two gateway nodes (two application contexts on random ports, each with its own pool) on one database: a console
 * session opened on one node is the same session on the other (Spring Session JDBC, table {@code spring_session}), so
 * the balancer needs no sticky sessions — sign in on A, carry on on B, CSRF token of A's page accepted by B, sign out
 * on B and A no longer knows the session. The protocol roads open no session: a FHIR {@code $summary}, an XCPD call
 * and refused anonymous calls leave the session table empty.
 */
class ConsoleSessionsAcrossNodesTest {

    static final String OPERATOR = "olga";
    static final String PASSWORD = "operator password for the two-node console test";
    static final String COOKIE = "PASSERELLE_SESSION";
    static final Ins BERTHELOT = new Ins(Ins.TEST_NIR, "284056912304563");

    @DatabaseTest
    void aConsoleSessionOpenedOnOneNodeIsServedByTheOtherAndTheRoadsOpenNone(TestDatabase db) throws Exception {
        Path home = Files.createTempDirectory("console-sessions");
        try (ConfigurableApplicationContext nodeA = node(db, home, "a");
             ConfigurableApplicationContext nodeB = node(db, home, "b")) {
            String a = base(nodeA);
            String b = base(nodeB);
            JdbcTemplate table = new JdbcTemplate(db.dataSource());
            assertThat(sessions(table)).isZero();

            // The protocol roads and refused anonymous calls: no session, so no row.
            DemoPki pki = DemoPki.load(home.resolve("data").resolve("demo-pki").resolve("demo-pki.p12"),
                    "passerelle-demo".toCharArray());
            assertThat(ForeignRequests.summary(a, pki.signer("ES"), Ins.TEST_NIR, BERTHELOT.value()))
                    .as("no consent yet: refused, but through the whole FHIR road").isEqualTo(403);
            HttpResponse<String> xcpd = SoapHttp.post(port(nodeB), "/xcpd",
                    SoapHttp.soap12(EhdsiOperation.PATIENT_DISCOVERY.requestAction()),
                    SoapMessages.signedRequest(new AssertionIssuer(pki.signer("ES"), Clock.systemUTC()),
                            HcpClaims.demoDoctor("ES"), EhdsiOperation.PATIENT_DISCOVERY,
                            SoapMessages.xcpdBody(BERTHELOT), Optional.empty()));
            assertThat(xcpd.statusCode()).as(xcpd.body()).isEqualTo(200);
            assertThat(xcpd.headers().firstValue("Set-Cookie")).isEmpty();
            CookieBrowser anonymous = new CookieBrowser();
            assertThat(anonymous.get(a + "/api/admin/audit/verify").statusCode()).isIn(302, 401);
            assertThat(anonymous.get(b + "/wp-login.php").statusCode()).isIn(302, 401, 403);
            assertThat(anonymous.cookie(COOKIE)).isEmpty();
            assertThat(sessions(table)).as("rows in spring_session after the protocol roads").isZero();

            // A patient signs in on A, and B serves the next request of that session.
            CookieBrowser patient = new CookieBrowser();
            HttpResponse<String> loginPage = patient.get(a + "/me/login");
            assertThat(loginPage.headers().firstValue("Set-Cookie").orElseThrow())
                    .startsWith(COOKIE + "=").contains("HttpOnly").contains("SameSite=Lax")
                    .as("plain HTTP here: Secure only on HTTPS").doesNotContain("Secure");
            HttpResponse<String> signIn = patient.post(a + "/me/login/demo",
                    "_csrf", CookieBrowser.csrfIn(loginPage.body()), "patient", "berthelot");
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(sessions(table)).isEqualTo(1);
            HttpResponse<String> onB = patient.get(b + "/me");
            assertThat(onB.statusCode()).isEqualTo(200);
            assertThat(onB.body()).contains("Partage de mes données de santé en Europe").contains("BERTHELOT");

            // The CSRF token lives in the session: a form of A's page is accepted by B.
            String tokenOfA = patient.csrf(a + "/me");
            HttpResponse<String> preview = patient.post(b + "/me/sharing", "_csrf", tokenOfA,
                    "choice", "all", "documents", "PATIENT_SUMMARY");
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.body()).contains("Vous partagez votre synthèse médicale");

            // An operator signs in on B (after asking for /admin there) and is an operator on A.
            CookieBrowser operator = new CookieBrowser();
            assertThat(operator.get(b + "/admin").statusCode()).isEqualTo(302);
            HttpResponse<String> operatorSignIn = operator.post(b + "/login", "_csrf", operator.csrf(b + "/login"),
                    "username", OPERATOR, "password", PASSWORD);
            assertThat(operatorSignIn.statusCode()).isEqualTo(302);
            assertThat(operatorSignIn.headers().firstValue("Location").orElseThrow()).contains("/admin");
            HttpResponse<String> overviewOnA = operator.get(a + "/admin");
            assertThat(overviewOnA.statusCode()).isEqualTo(200);
            assertThat(overviewOnA.body()).contains("Live overview");
            // A flash attribute (the chain verification's verdict) set on A is shown by B after the redirect.
            HttpResponse<String> verify = operator.post(a + "/admin/audit/verify", "_csrf",
                    operator.csrf(a + "/admin/audit"));
            assertThat(verify.statusCode()).isEqualTo(302);
            assertThat(operator.get(b + "/admin/audit").body()).contains("id=\"verify-result\"")
                    .contains("Chain intact: ");
            assertThat(operator.get(a + "/me").statusCode()).as("roles stay apart across nodes").isEqualTo(403);
            assertThat(patient.get(b + "/admin").statusCode()).isEqualTo(403);
            assertThat(sessions(table)).isEqualTo(2);

            // The patient signs out on B: A no longer knows the session.
            String patientSession = sessionId(patient);
            assertThat(rowsOf(table, patientSession)).isEqualTo(1);
            HttpResponse<String> signOut = patient.post(b + "/me/logout", "_csrf", patient.csrf(b + "/me"));
            assertThat(signOut.statusCode()).isEqualTo(302);
            assertThat(signOut.headers().firstValue("Location").orElseThrow()).endsWith("/me/login?signedOut");
            HttpResponse<String> afterOnA = patient.get(a + "/me");
            assertThat(afterOnA.statusCode()).isEqualTo(302);
            assertThat(afterOnA.headers().firstValue("Location").orElseThrow()).endsWith("/me/login");
            assertThat(rowsOf(table, patientSession)).isZero();
            assertThat(operator.get(b + "/admin").statusCode()).as("the operator's session is untouched")
                    .isEqualTo(200);

            // A session attribute this node cannot read (another version's classes, damaged bytes) signs the user
            // out instead of failing every request.
            CookieBrowser damaged = new CookieBrowser();
            assertThat(damaged.post(a + "/login", "_csrf", damaged.csrf(a + "/login"), "username", OPERATOR,
                    "password", PASSWORD).statusCode()).isEqualTo(302);
            assertThat(damaged.get(b + "/admin").statusCode()).isEqualTo(200);
            assertThat(table.update("UPDATE spring_session_attributes SET attribute_bytes = ? WHERE attribute_name = "
                    + "'SPRING_SECURITY_CONTEXT' AND session_primary_id = (SELECT primary_id FROM spring_session "
                    + "WHERE session_id = ?)", new byte[] {1, 2, 3}, sessionId(damaged)))
                    .isEqualTo(1);
            HttpResponse<String> unreadable = damaged.get(b + "/admin");
            assertThat(unreadable.statusCode()).isEqualTo(302);
            assertThat(unreadable.headers().firstValue("Location").orElseThrow()).endsWith("/login");

            // An expired session is not served, and the cleanup (each node runs it every minute) deletes its row.
            String operatorSession = sessionId(operator);
            assertThat(rowsOf(table, operatorSession)).isEqualTo(1);
            // Idle for an hour (the timeout is 30 minutes): last access and expiry moved back, as time would.
            long anHourAgo = System.currentTimeMillis() - 3_600_000;
            table.update("UPDATE spring_session SET last_access_time = ?, expiry_time = ?", anHourAgo,
                    anHourAgo + 1_800_000);
            assertThat(operator.get(a + "/admin").statusCode()).as("expired: back to the sign-in").isEqualTo(302);
            JdbcIndexedSessionRepository repository = nodeB.getBean(JdbcIndexedSessionRepository.class);
            repository.cleanUpExpiredSessions();
            assertThat(rowsOf(table, operatorSession)).isZero();
            assertThat(table.queryForObject("SELECT count(*) FROM spring_session WHERE expiry_time < ?",
                    Integer.class, System.currentTimeMillis())).isZero();
            assertThat(ReflectionTestUtils.getField(repository, "cleanupCron")).isEqualTo("0 * * * * *");
            assertThat(ReflectionTestUtils.getField(repository, "taskScheduler")).as("the cleanup job is scheduled")
                    .isNotNull();

            // Node B trusts its balancer's X-Forwarded-Proto (server.forward-headers-strategy=native): behind TLS
            // the cookie is Secure.
            HttpResponse<String> overTls = new CookieBrowser().get(b + "/me/login", "X-Forwarded-Proto", "https");
            assertThat(overTls.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(COOKIE + "=")
                    .contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        }
    }

    private static ConfigurableApplicationContext node(TestDatabase db, Path home, String name) {
        return SpringApplication.run(PasserelleApplication.class, "--server.port=0",
                "--server.forward-headers-strategy=" + ("b".equals(name) ? "native" : "none"),
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=", "--spring.datasource.hikari.pool-name=node-" + name,
                "--passerelle.node.id=node-" + name,
                "--passerelle.data-dir=" + home.resolve("data"),
                "--passerelle.security.operators[0].username=" + OPERATOR,
                "--passerelle.security.operators[0].password-hash=" + PasswordHashing.encoder().encode(PASSWORD));
    }

    private static int port(ConfigurableApplicationContext node) {
        return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + port(node);
    }

    /** The session id a browser's cookie names (Spring Session writes it base64-encoded). */
    private static String sessionId(CookieBrowser browser) {
        return new String(Base64.getDecoder().decode(browser.cookie(COOKIE).orElseThrow().getValue()),
                StandardCharsets.US_ASCII);
    }

    private static int rowsOf(JdbcTemplate table, String sessionId) {
        return table.queryForObject("SELECT count(*) FROM spring_session WHERE session_id = ?", Integer.class,
                sessionId);
    }

    private static int sessions(JdbcTemplate table) {
        return table.queryForObject("SELECT count(*) FROM spring_session", Integer.class);
    }
}

package fr.passerelle.gateway.trust;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.xml.XmlSerializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code trust verify}: prints each check and the verdict; exit 0 accepted, 1 refused, 2 usage error. */
class TrustVerifyCommandTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    private static final String PATIENT = "1234567890123^^^&1.2.250.1.213.1.4.10&ISO";
    private static final DemoPki PKI = DemoPki.generate(NOW, Duration.ofDays(30), List.of("IT"));

    @TempDir
    static Path dir;
    private static Path trustList;
    private static Path header;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void writeTrustListAndHeader() throws Exception {
        trustList = dir.resolve("trust-list");
        PKI.writeTrustList(trustList);
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCA_QUERY);
        Element security = SoapEnvelopes.security(envelope);
        AssertionIssuer issuer = new AssertionIssuer(PKI.signer("IT"), Clock.fixed(NOW, ZoneOffset.UTC));
        HcpClaims doctor = HcpClaims.demoDoctor("IT");
        Element hcp = issuer.hcp(security, doctor);
        issuer.trc(security, TrcClaims.treating(PATIENT), doctor.practitionerId(), hcp.getAttribute("ID"));
        header = dir.resolve("header.xml");
        Files.write(header, XmlSerializer.toBytes(envelope.getDocumentElement().getFirstChild()));
    }

    private int run(String... args) {
        return new TrustVerifyCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void acceptedHeaderPrintsEveryCheckAndExitsZero() {
        int status = run("--trust-list", trustList.toString(), "--at", "2026-03-10T10:00:00Z", "--patient", PATIENT,
                header.toString());
        assertThat(status).as(output()).isZero();
        assertThat(output()).contains("transaction XCA_QUERY", "[ ok ] signature: HCP assertion signed by",
                "[ ok ] trust-list:", "[ ok ] trc-patient: the TRC patient is the request's patient",
                "VERDICT: accepted — IT practitioner, role 221");
    }

    @Test
    void tooLateIsRefusedWithTheReasonAndExitsOne() {
        int status = run("--trust-list", trustList.toString(), "--at", "2026-03-10T15:00:00Z", header.toString());
        assertThat(status).isEqualTo(1);
        assertThat(output()).contains("[FAIL] validity: the HCP assertion has expired",
                "VERDICT: refused — ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED at validity");
    }

    @Test
    void anotherCountrysTrustListRefuses(@TempDir Path other) throws Exception {
        DemoPki.generate(NOW, Duration.ofDays(30), List.of("IT")).writeTrustList(other);
        int status = run("--trust-list", other.toString(), "--at", "2026-03-10T10:00:00Z", header.toString());
        assertThat(status).isEqualTo(1);
        assertThat(output()).contains("[FAIL] trust-list: HCP assertion: the signer certificate is not in, nor issued by,"
                + " the trust list of IT");
    }

    @Test
    void aRealOpenNcpHeaderIsAcceptedAtItsTime() {
        Path real = Path.of("../trust/src/test/resources/real-world");
        int status = run("--trust-list", real.resolve("trust-list").toString(), "--at", "2025-09-01T13:00:00Z",
                "--patient", "0410009234^^^&1.2.208.176.1.2&ISO", real.resolve("dk-openncp-xca-header.xml").toString());
        assertThat(status).as(output()).isZero();
        assertThat(output()).contains("VERDICT: accepted — DK practitioner");
    }

    @Test
    void xxeFileIsRefusedNotRead(@TempDir Path tmp) throws Exception {
        Path evil = Files.writeString(tmp.resolve("evil.xml"),
                "<!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><r>&x;</r>");
        int status = run("--trust-list", trustList.toString(), "--transaction", "XCPD", evil.toString());
        assertThat(status).isEqualTo(1);
        assertThat(output()).contains("[FAIL] xml: a DOCTYPE is not allowed").doesNotContain("root:");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run(header.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--trust-list is required");
        assertThat(run("--trust-list", trustList.toString(), "--at", "yesterday", header.toString())).isEqualTo(2);
        assertThat(run("--trust-list", trustList.toString(), "--transaction", "TELEPORT", header.toString()))
                .isEqualTo(2);
        assertThat(run("--trust-list", trustList.toString(), "missing.xml")).isEqualTo(2);
    }
}

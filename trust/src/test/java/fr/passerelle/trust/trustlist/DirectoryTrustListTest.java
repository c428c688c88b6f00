package fr.passerelle.trust.trustlist;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.trust.ReplayTestClock;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.DemoPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryTrustListTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    private static final DemoPki PKI = DemoPki.generate(NOW, Duration.ofDays(365), List.of("ES", "IT"));

    @Test
    void loadsEntriesPerCountryAndReportsBadFolders(@TempDir Path dir) throws Exception {
        PKI.writeTrustList(dir);
        Files.createDirectories(dir.resolve("es"));
        Files.createDirectories(dir.resolve("XX"));
        Files.writeString(dir.resolve("IT").resolve("broken.pem"), "not a certificate");
        DirectoryTrustList list = new DirectoryTrustList(dir, new ReplayTestClock(NOW), Duration.ofSeconds(10));

        assertThat(list.forCountry("ES")).singleElement().satisfies(entry -> {
            assertThat(entry.country()).isEqualTo("ES");
            assertThat(entry.subject()).contains("CN=Demo eHDSI CA");
            assertThat(entry.isAuthority()).isTrue();
        });
        assertThat(list.forCountry("DE")).isEmpty();
        assertThat(list.problems()).anyMatch(p -> p.contains("folder es"))
                .anyMatch(p -> p.contains("folder XX"))
                .anyMatch(p -> p.contains("IT/broken.pem"));
    }

    @Test
    void reloadsWhenAFileIsAddedWithoutRestart(@TempDir Path dir) throws Exception {
        PKI.writeTrustList(dir);
        ReplayTestClock clock = new ReplayTestClock(NOW);
        DirectoryTrustList list = new DirectoryTrustList(dir, clock, Duration.ofSeconds(10));
        assertThat(list.forCountry("DE")).isEmpty();

        Files.createDirectories(dir.resolve("DE"));
        Files.writeString(dir.resolve("DE").resolve("ncp.pem"), DemoPki.pem(PKI.signer("ES").certificate()));
        assertThat(list.forCountry("DE")).as("not re-read before the recheck interval").isEmpty();
        clock.advance(Duration.ofSeconds(11));
        assertThat(list.forCountry("DE")).hasSize(1);

        Files.delete(dir.resolve("DE").resolve("ncp.pem"));
        clock.advance(Duration.ofSeconds(11));
        assertThat(list.forCountry("DE")).isEmpty();
    }

    @Test
    void expiryReportFlagsExpiredSoonAndNotYetValid(@TempDir Path dir) throws Exception {
        CountrySigner expired = PKI.issueSigner("ES", DemoPki.signerSubject("ES"), NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(1)));
        CountrySigner soon = PKI.issueSigner("ES", DemoPki.signerSubject("ES"), NOW.minus(Duration.ofDays(10)),
                NOW.plus(Duration.ofDays(10)));
        CountrySigner future = PKI.issueSigner("ES", DemoPki.signerSubject("ES"), NOW.plus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(400)));
        Files.createDirectories(dir.resolve("ES"));
        Files.writeString(dir.resolve("ES").resolve("all.pem"), DemoPki.pem(expired.certificate())
                + DemoPki.pem(soon.certificate()) + DemoPki.pem(future.certificate())
                + DemoPki.pem(PKI.signer("ES").certificate()));
        DirectoryTrustList list = new DirectoryTrustList(dir, new ReplayTestClock(NOW), Duration.ofSeconds(10));

        List<ExpiryNotice> notices = ExpiryNotice.report(list, NOW, Duration.ofDays(30));

        assertThat(list.entries()).hasSize(4);
        assertThat(notices).extracting(ExpiryNotice::status).containsExactly(ExpiryNotice.Status.EXPIRED,
                ExpiryNotice.Status.EXPIRING_SOON, ExpiryNotice.Status.NOT_YET_VALID);
    }

    @Test
    void countryIsParsedFromTheDistinguishedName() {
        assertThat(CertificateCountry.of(new X500Principal("CN=ncp,O=x,C=de"))).contains("DE");
        assertThat(CertificateCountry.of(new X500Principal("CN=C\\=FR,O=x,C=DE"))).contains("DE");
        assertThat(CertificateCountry.of(new X500Principal("CN=ncp,C=FR,C=DE"))).isEmpty();
        assertThat(CertificateCountry.of(new X500Principal("CN=ncp,O=C\\=FR"))).isEmpty();
        assertThat(CertificateCountry.of(new X500Principal("CN=ncp+C=IT,O=x"))).contains("IT");
    }
}

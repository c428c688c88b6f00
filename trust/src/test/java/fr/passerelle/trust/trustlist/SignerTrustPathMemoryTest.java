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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remembered PKIX paths: reused for the same signer and CA while the trust list is unchanged, never once the CA
 * left the list (eHDSI's revocation) or was replaced, never past either certificate's validity, never for a failure.
 */
class SignerTrustPathMemoryTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    private static final Duration RECHECK = Duration.ofSeconds(10);
    private static final DemoPki PKI = DemoPki.generate(NOW, Duration.ofDays(365), List.of("ES", "IT"));

    private final ReplayTestClock clock = new ReplayTestClock(NOW);

    private SignerTrust trustOver(Path dir) {
        return new SignerTrust(new DirectoryTrustList(dir, clock, RECHECK), clock);
    }

    @Test
    void theSameSignerIsValidatedOnceAndTrustedAgainFromMemory(@TempDir Path dir) throws Exception {
        PKI.writeTrustList(dir);
        SignerTrust trust = trustOver(dir);
        CountrySigner spain = PKI.signer("ES");

        assertThat(trust.decide(spain.certificate(), "ES", NOW)).isInstanceOf(SignerVerdict.Trusted.class);
        assertThat(trust.rememberedPaths()).isEqualTo(1);
        assertThat(trust.decide(spain.certificate(), "ES", NOW.plusSeconds(1)))
                .isInstanceOf(SignerVerdict.Trusted.class);
        assertThat(trust.rememberedPaths()).isEqualTo(1);
    }

    @Test
    void aCaRemovedFromTheListIsRefusedAgainAfterTheReload(@TempDir Path dir) throws Exception {
        PKI.writeTrustList(dir);
        SignerTrust trust = trustOver(dir);
        CountrySigner spain = PKI.signer("ES");
        assertThat(trust.decide(spain.certificate(), "ES", NOW)).isInstanceOf(SignerVerdict.Trusted.class);

        // Revocation, eHDSI style: the operator deletes the entry; the list reloads after its recheck interval.
        Files.delete(dir.resolve("ES").resolve("demo-ehdsi-ca.pem"));
        clock.advance(RECHECK.plusSeconds(1));

        assertThat(trust.decide(spain.certificate(), "ES", clock.instant()))
                .isInstanceOfSatisfying(SignerVerdict.Untrusted.class,
                        refusal -> assertThat(refusal.reason()).contains("has no trust-list entry"));
        assertThat(trust.rememberedPaths()).as("a reload forgets every remembered path").isZero();
    }

    @Test
    void aCaReplacedByAnotherOfTheSameNameNoLongerVouchesForItsSigners(@TempDir Path dir) throws Exception {
        PKI.writeTrustList(dir);
        SignerTrust trust = trustOver(dir);
        CountrySigner spain = PKI.signer("ES");
        assertThat(trust.decide(spain.certificate(), "ES", NOW)).isInstanceOf(SignerVerdict.Trusted.class);

        // A new CA with the very same subject DN replaces the old one: the old CA's signers chain by name only.
        DemoPki renewed = DemoPki.generate(NOW, Duration.ofDays(365), List.of("ES"));
        Files.writeString(dir.resolve("ES").resolve("demo-ehdsi-ca.pem"), DemoPki.pem(renewed.authority()));
        Files.setLastModifiedTime(dir.resolve("ES").resolve("demo-ehdsi-ca.pem"),
                java.nio.file.attribute.FileTime.from(NOW.plusSeconds(5)));
        clock.advance(RECHECK.plusSeconds(1));

        assertThat(trust.decide(spain.certificate(), "ES", clock.instant()))
                .isInstanceOfSatisfying(SignerVerdict.Untrusted.class,
                        refusal -> assertThat(refusal.reason()).contains("not in, nor issued by"));
        assertThat(trust.decide(renewed.signer("ES").certificate(), "ES", clock.instant()))
                .isInstanceOf(SignerVerdict.Trusted.class);
    }

    @Test
    void aRememberedSignerIsRefusedOnceItExpires(@TempDir Path dir) throws Exception {
        PKI.writeTrustList(dir);
        SignerTrust trust = trustOver(dir);
        CountrySigner shortLived = PKI.issueSigner("ES", DemoPki.signerSubject("ES"), NOW.minusSeconds(60),
                NOW.plus(Duration.ofHours(2)));
        assertThat(trust.decide(shortLived.certificate(), "ES", NOW)).isInstanceOf(SignerVerdict.Trusted.class);

        assertThat(trust.decide(shortLived.certificate(), "ES", NOW.plus(Duration.ofHours(3))))
                .isInstanceOfSatisfying(SignerVerdict.Untrusted.class,
                        refusal -> assertThat(refusal.reason()).contains("has expired"));
    }

    @Test
    void aFailedPathIsNotRememberedAndDoesNotHarmAGoodSigner(@TempDir Path dir) throws Exception {
        PKI.writeTrustList(dir);
        SignerTrust trust = trustOver(dir);
        // Same issuer DN as the trusted CA, signed by another key: only the path validation can tell.
        CountrySigner impostor = DemoPki.generate(NOW, Duration.ofDays(365), List.of("ES")).signer("ES");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(trust.decide(impostor.certificate(), "ES", NOW))
                    .isInstanceOf(SignerVerdict.Untrusted.class);
        }
        assertThat(trust.rememberedPaths()).isZero();
        assertThat(trust.decide(PKI.signer("ES").certificate(), "ES", NOW)).isInstanceOf(SignerVerdict.Trusted.class);
        assertThat(trust.decide(impostor.certificate(), "ES", NOW)).isInstanceOf(SignerVerdict.Untrusted.class);
    }

    @Test
    void aRememberedPathIsNotLentToAnotherCountry(@TempDir Path dir) throws Exception {
        PKI.writeTrustList(dir);
        SignerTrust trust = trustOver(dir);
        CountrySigner spain = PKI.signer("ES");
        assertThat(trust.decide(spain.certificate(), "ES", NOW)).isInstanceOf(SignerVerdict.Trusted.class);

        assertThat(trust.decide(spain.certificate(), "IT", NOW))
                .isInstanceOfSatisfying(SignerVerdict.Untrusted.class,
                        refusal -> assertThat(refusal.reason()).contains("belongs to ES"));
    }
}

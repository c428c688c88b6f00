package fr.passerelle.gateway.trust;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.trust.Transaction;
import fr.passerelle.trust.TrustSettings;
import fr.passerelle.trust.assertion.PurposeOfUse;
import fr.passerelle.trust.issue.DemoPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustPropertiesTest {

    private static TrustProperties properties(Map<Transaction, TrustProperties.AccessOverride> access) {
        return properties(access, true);
    }

    private static TrustProperties properties(Map<Transaction, TrustProperties.AccessOverride> access, Boolean demo) {
        return new TrustProperties(null, Duration.ofSeconds(30), Duration.ofHours(4), Duration.ofHours(2),
                Duration.ofHours(2), true, Duration.ofSeconds(10), Duration.ofDays(30), 1000, demo,
                List.of("ES", "IT", "DE"), access);
    }

    /** Issue 20, item 9: the demo PKI's keys are public, so it never trusts by default outside the demo. */
    @Test
    void theDemoPkiFailsClosedOutsideTheDemoHealthSpace() {
        assertThat(properties(null, null).demoWith("demo")).isTrue();
        assertThat(properties(null, null).demoWith("dmp")).isFalse();
        assertThat(properties(null, false).demoWith("demo")).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> properties(null, true).demoWith("dmp"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("passerelle.trust.demo=true is refused");
    }

    @Test
    void listDirDefaultsUnderTheDataDirectory() {
        assertThat(properties(null).listDirOr(Path.of("/srv/passerelle"))).isEqualTo(Path.of("/srv/passerelle/trust-list"));
    }

    @Test
    void settingsCarryTheConfiguredValuesAndTheDefaultTable() {
        TrustSettings settings = properties(null).settings();
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.accessRules()).isEqualTo(TrustSettings.ehdsiDefaults().accessRules());
    }

    @Test
    void anAccessOverrideChangesOnlyWhatItNames() {
        TrustSettings settings = properties(Map.of(Transaction.XDR, new TrustProperties.AccessOverride(null,
                Set.of("2262", "221"), Set.of(PurposeOfUse.TREATMENT, PurposeOfUse.EMERGENCY), null))).settings();
        assertThat(settings.accessRules().rule(Transaction.XDR).roleCodes()).containsExactlyInAnyOrder("2262", "221");
        assertThat(settings.accessRules().rule(Transaction.XDR).anyPermission()).containsExactly("PPD-046");
        assertThat(settings.accessRules().rule(Transaction.XCPD))
                .isEqualTo(TrustSettings.ehdsiDefaults().accessRules().rule(Transaction.XCPD));
    }

    @Test
    void demoSeedWritesTheTrustListOnceAndKeepsThePki(@TempDir Path dataDir) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T09:30:00Z"), ZoneOffset.UTC);
        Path trustList = dataDir.resolve("trust-list");
        DemoPki first = DemoTrustSeed.loadOrCreate(dataDir, trustList, List.of("ES", "IT"), clock);
        assertThat(trustList.resolve("ES").resolve("demo-ehdsi-ca.pem")).exists();
        assertThat(trustList.resolve("IT").resolve("demo-ehdsi-ca.pem")).exists();

        Files.delete(trustList.resolve("IT").resolve("demo-ehdsi-ca.pem"));
        DemoPki second = DemoTrustSeed.loadOrCreate(dataDir, trustList, List.of("ES", "IT"), clock);
        assertThat(second.authority()).isEqualTo(first.authority());
        assertThat(second.signer("ES").certificate()).isEqualTo(first.signer("ES").certificate());
        assertThat(trustList.resolve("IT").resolve("demo-ehdsi-ca.pem"))
                .as("an operator-managed (non-empty) trust list is never overwritten").doesNotExist();
    }
}

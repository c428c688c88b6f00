package fr.passerelle.gateway.trust;

import fr.passerelle.trust.AccessRule;
import fr.passerelle.trust.AccessRules;
import fr.passerelle.trust.Transaction;
import fr.passerelle.trust.TrustSettings;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.trust.*}: where the trust list is and how strict validation is. See trust/README.md.
 *
 * @param listDir           trust-list directory ({@code <CC>/*.pem}); default {@code ${passerelle.data-dir}/trust-list}
 * @param clockSkew         tolerance on assertion times
 * @param maxHcpLifetime    longest accepted HCP assertion
 * @param maxTrcLifetime    longest accepted TRC assertion
 * @param maxNokLifetime    longest accepted next-of-kin assertion
 * @param oneUseAssertions  refuse a second use of an assertion id (else only message ids are one-use)
 * @param reloadInterval    how often the trust-list directory is checked for changes
 * @param expiryWarning     how long before expiry a trust-list certificate is reported
 * @param replayCacheSize   ids kept in each node's in-process cache
 * @param demo              generate a demo PKI and seed the demo trust list (ES, IT, DE) when the directory is empty;
 *                          unset means on with the demo health space only, and it cannot be on with another one
 *                          (the demo CA's key is on disk under a public password: fail closed)
 * @param demoCountries     countries of the demo PKI
 * @param access            per-transaction overrides of the access table (unset fields keep the eHDSI defaults)
 */
@ConfigurationProperties("passerelle.trust")
public record TrustProperties(
        Path listDir,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("4h") Duration maxHcpLifetime,
        @DefaultValue("2h") Duration maxTrcLifetime,
        @DefaultValue("2h") Duration maxNokLifetime,
        @DefaultValue("true") boolean oneUseAssertions,
        @DefaultValue("10s") Duration reloadInterval,
        @DefaultValue("30d") Duration expiryWarning,
        @DefaultValue("100000") long replayCacheSize,
        Boolean demo,
        @DefaultValue({"ES", "IT", "DE"}) List<String> demoCountries,
        Map<Transaction, AccessOverride> access) {

    /** Overrides of one transaction's access rule; a null field keeps the default. */
    public record AccessOverride(Set<String> anyPermission, Set<String> roleCodes, Set<PurposeOfUse> purposes,
            Boolean treatmentConfirmationRequired) {
    }

    /**
     * Whether the demo PKI runs: as configured, else only with the demo health space. On with any other health space
     * the gateway refuses to start.
     */
    public boolean demoWith(String healthSpace) {
        boolean demoHealthSpace = "demo".equalsIgnoreCase(healthSpace);
        if (demo == null) {
            return demoHealthSpace;
        }
        if (demo && !demoHealthSpace) {
            throw new IllegalStateException("passerelle.trust.demo=true is refused with passerelle.health-space="
                    + healthSpace + ": the demo PKI's keys are public; give the national trust list "
                    + "(passerelle.trust.list-dir) instead");
        }
        return demo;
    }

    public Path listDirOr(Path dataDir) {
        return listDir != null ? listDir : dataDir.resolve("trust-list");
    }

    public TrustSettings settings() {
        TrustSettings defaults = TrustSettings.ehdsiDefaults();
        return new TrustSettings(clockSkew, maxHcpLifetime, maxTrcLifetime, maxNokLifetime, defaults.audiences(),
                oneUseAssertions, defaults.maxHeaderCharacters(), defaults.maxHeaderElements(), accessRules());
    }

    AccessRules accessRules() {
        AccessRules defaults = AccessRules.ehdsiDefaults();
        if (access == null || access.isEmpty()) {
            return defaults;
        }
        Map<Transaction, AccessRule> rules = new EnumMap<>(defaults.rules());
        access.forEach((transaction, override) -> {
            AccessRule base = defaults.rule(transaction);
            rules.put(transaction, new AccessRule(
                    override.anyPermission() != null ? override.anyPermission() : base.anyPermission(),
                    override.roleCodes() != null ? override.roleCodes() : base.roleCodes(),
                    override.purposes() != null ? override.purposes() : base.purposes(),
                    override.treatmentConfirmationRequired() != null ? override.treatmentConfirmationRequired()
                            : base.treatmentConfirmationRequired()));
        });
        return new AccessRules(rules);
    }
}

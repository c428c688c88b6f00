package fr.passerelle.gateway.trust;

import fr.passerelle.trust.RequestValidator;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.replay.CachingReplayGuard;
import fr.passerelle.trust.replay.ReplayGuard;
import fr.passerelle.trust.trustlist.DirectoryTrustList;
import fr.passerelle.trust.trustlist.ExpiryNotice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the request validator, its trust list and its database-backed replay guard. */
@Configuration(proxyBeanMethods = false)
public class TrustConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TrustConfiguration.class);

    private final TrustProperties properties;
    private final Path dataDir;
    private final String healthSpace;
    private final Clock clock;

    public TrustConfiguration(TrustProperties properties, @Value("${passerelle.data-dir:./data}") Path dataDir,
            @Value("${passerelle.health-space:demo}") String healthSpace, Clock clock) {
        this.properties = properties;
        this.dataDir = dataDir;
        this.healthSpace = healthSpace;
        this.clock = clock;
    }

    /**
     * The demo PKI (for the demo practitioner client), present when {@code passerelle.trust.demo} holds — by default
     * with the demo health space only ({@link TrustProperties#demoWith}).
     */
    @Bean
    public DemoTrust demoTrust() {
        if (!properties.demoWith(healthSpace)) {
            return new DemoTrust(Optional.empty());
        }
        try {
            return new DemoTrust(Optional.of(DemoTrustSeed.loadOrCreate(dataDir, properties.listDirOr(dataDir),
                    properties.demoCountries(), clock)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo trust list", e);
        }
    }

    @Bean
    public DirectoryTrustList trustList(DemoTrust demoTrust) {
        DirectoryTrustList trustList = new DirectoryTrustList(properties.listDirOr(dataDir), clock,
                properties.reloadInterval());
        LOG.info("trust list {}: {} certificates", trustList.directory(), trustList.entries().size());
        trustList.problems().forEach(problem -> LOG.warn("trust list: {}", problem));
        for (ExpiryNotice notice : ExpiryNotice.report(trustList, clock.instant(), properties.expiryWarning())) {
            LOG.warn("trust list: {} certificate {} is {} (not after {})", notice.entry().country(),
                    notice.entry().subject(), notice.status(), notice.entry().notAfter());
        }
        return trustList;
    }

    @Bean
    public ReplayGuard replayGuard(DataSource dataSource) {
        return new CachingReplayGuard(new JdbcReplayStore(dataSource), clock, properties.replayCacheSize());
    }

    @Bean
    public RequestValidator requestValidator(DirectoryTrustList trustList, ReplayGuard replayGuard) {
        return new RequestValidator(properties.settings(), trustList, replayGuard, clock);
    }

    /** The demo PKI, when the gateway runs in demo mode. */
    public record DemoTrust(Optional<DemoPki> pki) {
    }
}

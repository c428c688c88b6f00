package fr.passerelle.gateway.fhir.requester;

import fr.passerelle.trust.RequestValidator;
import fr.passerelle.trust.TrustSettings;
import fr.passerelle.trust.replay.CachingReplayGuard;
import fr.passerelle.trust.replay.InMemoryReplayStore;
import fr.passerelle.trust.replay.ReplayGuard;
import fr.passerelle.trust.trustlist.DirectoryTrustList;
import fr.passerelle.trust.trustlist.TrustList;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The trust the FHIR road uses: the application's own validator, trust list and replay guard when they are wired
 * (the SOAP road's, so both roads believe the same requesters), otherwise ones built here from the trust-list
 * folder.
 */
@Configuration(proxyBeanMethods = false)
public class CrossBorderTrustConfiguration {

    @Bean
    CrossBorderTrust fhirCrossBorderTrust(ObjectProvider<RequestValidator> validator, ObjectProvider<TrustList> trustList,
                                          ObjectProvider<TrustSettings> settings, ObjectProvider<ReplayGuard> replayGuard,
                                          Clock time, FhirSecurityProperties properties,
                                          @Value("${passerelle.data-dir:./data}") Path dataDir) {
        TrustSettings trustSettings = settings.getIfAvailable(TrustSettings::ehdsiDefaults);
        TrustList list = trustList.getIfAvailable(() -> new DirectoryTrustList(
                properties.trustListDir() != null ? properties.trustListDir() : dataDir.resolve("trust-list"), time,
                Duration.ofSeconds(30)));
        ReplayGuard guard = replayGuard.getIfAvailable(
                () -> new CachingReplayGuard(new InMemoryReplayStore(), time, 100_000));
        RequestValidator requestValidator = validator.getIfAvailable(
                () -> new RequestValidator(trustSettings, list, guard, time));
        return new CrossBorderTrust(requestValidator, list, trustSettings, guard, time);
    }
}

package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Selects the DMP health space when {@code passerelle.health-space=dmp}; the demo stays the default. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "passerelle.health-space", havingValue = "dmp")
public class DmpHealthSpaceConfiguration {

    @Bean
    NationalHealthSpace nationalHealthSpace(DmpProperties properties, ObjectProvider<MeterRegistry> meters,
                                            Clock clock) {
        properties.requireComplete();
        return create(properties, meters.getIfAvailable(SimpleMeterRegistry::new),
                clock);
    }

    /** Wires the connector from its properties alone (also what the tests use, without Spring). */
    public static DmpNationalHealthSpace create(DmpProperties properties, MeterRegistry meters, Clock clock) {
        DmpProperties.Tls tls = properties.tls();
        KeyStore keys = SigningCredential.loadKeyStore(tls.keyStore(), tls.keyStoreType(), tls.keyStorePassword());
        SigningCredential credential = SigningCredential.from(keys, tls.keyAlias(),
                tls.keyPassword() != null ? tls.keyPassword() : tls.keyStorePassword());
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, (tls.keyPassword() != null ? tls.keyPassword()
                    : tls.keyStorePassword() == null ? "" : tls.keyStorePassword()).toCharArray());
            TrustManager[] trust = null;
            if (tls.trustStore() != null && !tls.trustStore().isBlank()) {
                TrustManagerFactory trustManagers =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustManagers.init(SigningCredential.loadKeyStore(tls.trustStore(), tls.trustStoreType(),
                        tls.trustStorePassword()));
                trust = trustManagers.getTrustManagers();
            }
            DmpSoapClient soap = new DmpSoapClient(keyManagers.getKeyManagers(), trust, properties.resilience());
            return new DmpNationalHealthSpace(properties, soap,
                    new VihfIssuer(properties.identity(), credential, clock),
                    new DmpResilience(properties.resilience(), meters), clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for the DMP: " + e.getMessage(), e);
        }
    }
}

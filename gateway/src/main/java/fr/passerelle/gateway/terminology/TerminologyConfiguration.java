package fr.passerelle.gateway.terminology;

import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TerminologyLoadException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.ToDoubleFunction;

/**
 * Loads the terminology once at start-up, beside the rest of the context ({@link TerminologyPreload}). The
 * application does not start without it: every document that leaves needs it, and a gateway that answers with
 * untranscoded codes is worse than one that is down.
 */
@Configuration(proxyBeanMethods = false)
public class TerminologyConfiguration {

    /** Static: a post-processor, created before the other beans so that the load starts early. */
    @Bean
    static TerminologyPreload terminologyPreload() {
        return new TerminologyPreload();
    }

    @Bean
    TerminologyCatalogue terminologyCatalogue(TerminologyPreload preload) throws TerminologyLoadException {
        return preload.catalogue();
    }

    @Bean
    TerminologyMetrics terminologyMetrics(TerminologyCatalogue catalogue, MeterRegistry registry) {
        return new TerminologyMetrics(catalogue, registry);
    }

    /** Gauges of the live catalogue's size: they follow reloads because they read the current snapshot. */
    static final class TerminologyMetrics {

        TerminologyMetrics(TerminologyCatalogue catalogue, MeterRegistry registry) {
            gauge(registry, "passerelle.terminology.value.sets", catalogue, c -> c.statistics().valueSets());
            gauge(registry, "passerelle.terminology.concepts", catalogue, c -> c.statistics().concepts());
            gauge(registry, "passerelle.terminology.mapped.codes", catalogue, c -> c.statistics().mappedSourceCodes());
            gauge(registry, "passerelle.terminology.designations", catalogue, c -> c.statistics().designations());
        }

        private static void gauge(MeterRegistry registry, String name, TerminologyCatalogue catalogue,
                                  ToDoubleFunction<TerminologyCatalogue> value) {
            Gauge.builder(name, catalogue, value).register(registry);
        }
    }
}

package fr.passerelle.gateway.terminology;

import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.catalogue.CatalogueStatistics;
import fr.passerelle.terminology.load.LoadProgress;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.function.ToDoubleFunction;

/**
 * Loads the terminology once at start-up. The application does not start without it: every document that
 * leaves needs it, and a gateway that answers with untranscoded codes is worse than one that is down.
 */
@Configuration(proxyBeanMethods = false)
public class TerminologyConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TerminologyConfiguration.class);

    @Bean
    TerminologyCatalogue terminologyCatalogue(TerminologyProperties properties,
                                              @Value("${passerelle.data-dir:./data}") String appDataDir)
            throws TerminologyLoadException {
        Path dir = properties.dataDirPath().orElse(null);
        if (dir == null) {
            Path target = properties.extractDirPath().orElse(Path.of(appDataDir).resolve("terminology"));
            dir = PackagedTerminologyData.extractTo(target.toAbsolutePath());
        }
        long start = System.nanoTime();
        TerminologyCatalogue catalogue = TerminologyCatalogue.load(dir, LoadProgress.SILENT, properties.mvc());
        CatalogueStatistics s = catalogue.statistics();
        LOG.info("Terminology loaded from {} in {} ms ({}): {} value sets, {} concepts, {} mapped codes, {} designations",
                dir, (System.nanoTime() - start) / 1_000_000, catalogue.index().mvcPackage().orElse("no MVC package"),
                s.valueSets(), s.concepts(), s.mappedSourceCodes(), s.designations());
        return catalogue;
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

package fr.passerelle.gateway.terminology.fhir;

import fr.passerelle.gateway.fhir.FhirServerProperties;
import fr.passerelle.terminology.TerminologyCatalogue;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link CachedTranslateFilter} in front of the servlet filters: right after the correlation id
 * ({@code CorrelationIdFilter}, highest precedence) and Spring's request observation, before the security chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "passerelle.terminology.translate-cache.enabled", havingValue = "true",
        matchIfMissing = true)
public class TranslateCacheConfiguration {

    @Bean
    TranslateResponseCache translateResponseCache(TerminologyCatalogue catalogue, TranslateCacheProperties properties,
                                                  MeterRegistry meters) {
        return new TranslateResponseCache(catalogue, properties.maxEntries(), meters);
    }

    @Bean
    FilterRegistrationBean<CachedTranslateFilter> cachedTranslateFilter(FhirServerProperties fhir,
                                                                        TranslateResponseCache cache,
                                                                        MeterRegistry meters) {
        CachedTranslateFilter filter = new CachedTranslateFilter(fhir.path(), cache, meters);
        FilterRegistrationBean<CachedTranslateFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(filter.path());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setName("cachedTranslate");
        return registration;
    }
}

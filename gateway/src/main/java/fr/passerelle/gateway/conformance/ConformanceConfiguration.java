package fr.passerelle.gateway.conformance;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outgoing-pivot check, compiled when the context starts (a missing or broken schematron fails the start). */
@Configuration(proxyBeanMethods = false)
public class ConformanceConfiguration {

    @Bean
    PivotConformance pivotConformance(ConformanceProperties properties, ObjectProvider<MeterRegistry> metrics) {
        return PivotConformance.start(properties, metrics.getIfAvailable(SimpleMeterRegistry::new));
    }
}

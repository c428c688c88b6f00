package fr.passerelle.gateway.http;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What an anonymous client may learn of the server's software: nothing of its versions. The FHIR server sends no
 * {@code X-Powered-By} and no {@code software.version} ({@code fhir.PasserelleFhirServer}); the metrics, which
 * probes read without credentials, carry no {@code jvm_info} (runtime, vendor and version of the JVM).
 */
@Configuration(proxyBeanMethods = false)
public class ServerDetailsConfiguration {

    @Bean
    MeterFilter noJvmVersionMetric() {
        return MeterFilter.denyNameStartsWith("jvm.info");
    }

    /** The metrics in Prometheus' text formats, whatever format the scraper prefers ({@link PrometheusTextFormat}). */
    @Bean
    FilterRegistrationBean<PrometheusTextFormat> prometheusTextFormat() {
        FilterRegistrationBean<PrometheusTextFormat> registration = new FilterRegistrationBean<>(
                new PrometheusTextFormat());
        registration.addUrlPatterns("/actuator/prometheus");
        return registration;
    }
}

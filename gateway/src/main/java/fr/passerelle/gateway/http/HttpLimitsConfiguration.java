package fr.passerelle.gateway.http;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The body limit in front of everything: right after the correlation id is given (so its log line carries it), before
 * the FHIR translate cache, the security chain and every protocol. The JSON APIs are entry points of their own; SOAP
 * and FHIR declare theirs in their packages.
 */
@Configuration(proxyBeanMethods = false)
public class HttpLimitsConfiguration {

    @Bean
    @Order(10)
    EntryPoint patientApiEntryPoint(BodyLimitProperties limits) {
        return new ProblemEntryPoint("/api/patient", limits.patientApi().toBytes());
    }

    @Bean
    @Order(10)
    EntryPoint adminApiEntryPoint(BodyLimitProperties limits) {
        return new ProblemEntryPoint("/api/admin", limits.adminApi().toBytes());
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ObjectProvider<EntryPoint> entryPoints,
                                                           BodyLimitProperties limits) {
        BodyLimitFilter filter = new BodyLimitFilter(entryPoints.orderedStream().toList(),
                new ProblemEntryPoint("/", limits.other().toBytes()));
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }
}

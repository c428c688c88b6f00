package fr.passerelle.gateway.http;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What answers before the protocols: the body limit in front of everything — right after the correlation id is given
 * (so its log line carries it), before the FHIR translate cache, the security chain and every protocol — and, in each
 * entry point's shape, the URLs the security firewall rejects and the 4xx the container or the framework sends
 * itself. The JSON APIs are entry points of their own; SOAP and FHIR declare theirs in their packages.
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
    EntryPoints entryPoints(ObjectProvider<EntryPoint> entryPoints, BodyLimitProperties limits) {
        return new EntryPoints(entryPoints.orderedStream().toList(),
                new ProblemEntryPoint("/", limits.other().toBytes()));
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(EntryPoints entryPoints) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(entryPoints));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Spring Security's firewall asks for a bean of this type to answer the URLs it rejects. */
    @Bean
    RequestRejectedHandler rejectedRequestAnswer(EntryPoints entryPoints) {
        return new RejectedRequestAnswer(entryPoints);
    }

    @Bean
    FilterRegistrationBean<ErrorDispatchAnswer> errorDispatchAnswer(EntryPoints entryPoints) {
        FilterRegistrationBean<ErrorDispatchAnswer> registration = new FilterRegistrationBean<>(
                new ErrorDispatchAnswer(entryPoints));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/error");
        return registration;
    }
}

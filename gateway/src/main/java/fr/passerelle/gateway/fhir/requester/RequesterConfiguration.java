package fr.passerelle.gateway.fhir.requester;

import ca.uhn.fhir.rest.server.RestfulServer;
import fr.passerelle.gateway.ratelimit.RateLimitGate;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the requester interceptor, and the description of how requesters are believed in {@code /metadata}, on the
 * FHIR server. Registered through the server's own interceptor service, so
 * the server class needs no knowledge of it.
 */
@Configuration(proxyBeanMethods = false)
public class RequesterConfiguration {

    @Bean
    RequesterInterceptor fhirRequesterInterceptor(CrossBorderTrust trust, FhirSecurityProperties properties,
                                                  ServletRegistrationBean<? extends RestfulServer> fhirServlet,
                                                  RateLimitGate rateLimit) {
        RequesterInterceptor interceptor = new RequesterInterceptor(new AssertionHeaders(trust),
                new BearerTokenVerifier(trust, properties), rateLimit);
        fhirServlet.getServlet().registerInterceptor(interceptor);
        return interceptor;
    }

    @Bean
    CapabilitySecurity fhirCapabilitySecurity(FhirSecurityProperties properties,
                                              ServletRegistrationBean<? extends RestfulServer> fhirServlet) {
        CapabilitySecurity security = new CapabilitySecurity(properties);
        fhirServlet.getServlet().registerInterceptor(security);
        return security;
    }
}

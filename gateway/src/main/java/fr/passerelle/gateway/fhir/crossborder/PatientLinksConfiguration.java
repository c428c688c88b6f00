package fr.passerelle.gateway.fhir.crossborder;

import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link PatientLinks} and {@link CapabilityChains} on the FHIR server. */
@Configuration(proxyBeanMethods = false)
public class PatientLinksConfiguration {

    @Bean
    PatientLinks fhirPatientLinks(FhirPatientIds patientIds,
                                  ServletRegistrationBean<? extends RestfulServer> fhirServlet) {
        PatientLinks links = new PatientLinks(patientIds);
        fhirServlet.getServlet().registerInterceptor(links);
        return links;
    }

    @Bean
    CapabilityChains fhirCapabilityChains(ServletRegistrationBean<? extends RestfulServer> fhirServlet) {
        CapabilityChains chains = new CapabilityChains();
        fhirServlet.getServlet().registerInterceptor(chains);
        return chains;
    }
}

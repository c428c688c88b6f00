package fr.passerelle.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the FHIR R4 server; its providers are whatever provider beans the context holds. */
@Configuration(proxyBeanMethods = false)
public class FhirServerConfiguration {

    /** One R4 context for the whole application: building it is expensive, using it is thread-safe. */
    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    ServletRegistrationBean<PasserelleFhirServer> fhirServlet(FhirContext context, FhirServerProperties properties,
                                                              ObjectProvider<IResourceProvider> resourceProviders,
                                                              ObjectProvider<FhirPlainProvider> plainProviders) {
        EncodingEnum encoding = EncodingEnum.forContentTypeStrict(properties.defaultFormat());
        if (encoding == null) {
            encoding = "xml".equalsIgnoreCase(properties.defaultFormat()) ? EncodingEnum.XML : EncodingEnum.JSON;
        }
        PasserelleFhirServer server = new PasserelleFhirServer(context, resourceProviders.orderedStream().toList(),
                plainProviders.orderedStream().toList(), encoding);
        ServletRegistrationBean<PasserelleFhirServer> registration = new ServletRegistrationBean<>(server,
                properties.path());
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}

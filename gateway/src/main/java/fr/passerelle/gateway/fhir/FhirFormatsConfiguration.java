package fr.passerelle.gateway.fhir;

import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the Turtle refusal on the FHIR server, through its interceptor service (as the requester interceptor). */
@Configuration(proxyBeanMethods = false)
public class FhirFormatsConfiguration {

    @Bean
    TurtleRefusal fhirTurtleRefusal(ServletRegistrationBean<? extends RestfulServer> fhirServlet,
                                    FhirEntryPoint entryPoint) {
        TurtleRefusal refusal = new TurtleRefusal(fhirServlet.getServlet(), entryPoint);
        fhirServlet.getServlet().registerInterceptor(refusal);
        return refusal;
    }
}

package fr.passerelle.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import fr.passerelle.gateway.fhir.outcome.FhirExceptionMapper;
import fr.passerelle.gateway.logging.CorrelationIdFilter;
import org.slf4j.MDC;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/** The HAPI plain server with the providers found in the Spring context. */
public class PasserelleFhirServer extends RestfulServer {

    private final transient List<IResourceProvider> resourceProviders;
    private final transient List<FhirPlainProvider> plainProviders;

    public PasserelleFhirServer(FhirContext context, List<IResourceProvider> resourceProviders,
                                List<FhirPlainProvider> plainProviders, EncodingEnum defaultEncoding) {
        super(context);
        this.resourceProviders = List.copyOf(resourceProviders);
        this.plainProviders = List.copyOf(plainProviders);
        setDefaultResponseEncoding(defaultEncoding);
        registerInterceptor(new FhirExceptionMapper());
        // The CapabilityStatement names the software, never its version (anonymous readers need not know it).
        setServerName("Passerelle");
        setServerVersion(null);
        setImplementationDescription("Passerelle, the French National Contact Point for eHealth");
    }

    /** No {@code X-Powered-By: HAPI FHIR <version>}: what answers, in which version, is nobody's business. */
    @Override
    public void addHeadersToResponse(HttpServletResponse response) {
        // deliberately nothing
    }

    /**
     * The request id HAPI logs and returns ({@code X-Request-ID}): the correlation id the gateway already gave the
     * request, rather than a second SecureRandom draw per request (about 1% of a {@code $summary}'s CPU).
     */
    @Override
    protected String newRequestId(int length) {
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        return correlationId != null ? correlationId : super.newRequestId(length);
    }

    @Override
    protected void initialize() {
        setResourceProviders(resourceProviders);
        registerProviders(plainProviders);
    }
}

package fr.passerelle.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;

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
    }

    @Override
    protected void initialize() {
        setResourceProviders(resourceProviders);
        registerProviders(plainProviders);
    }
}

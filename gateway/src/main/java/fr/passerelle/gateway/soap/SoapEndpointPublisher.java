package fr.passerelle.gateway.soap;

import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.stereotype.Component;

/**
 * Publishes an eHDSI endpoint on CXF with the envelope rules every service shares: SOAP 1.2 only, body size
 * limit, understood security and addressing headers, reply addressing/MTOM, and faults shaped by Passerelle.
 */
@Component
public final class SoapEndpointPublisher {

    private final Bus bus;
    private final SoapProperties properties;
    private final RefusalAudit refusals;

    public SoapEndpointPublisher(Bus bus, SoapProperties properties, RefusalAudit refusals) {
        this.bus = bus;
        this.properties = properties;
        this.refusals = refusals;
    }

    /**
     * @param path         path under {@code cxf.path}, e.g. {@code /xcpd}
     * @param wsdlLocation classpath location of the served WSDL
     */
    public EndpointImpl publish(String path, Object implementor, Set<EhdsiOperation> operations, String wsdlLocation,
                                QName service, QName port) {
        EndpointImpl endpoint = new EndpointImpl(bus, implementor);
        endpoint.setWsdlLocation(wsdlLocation);
        endpoint.setServiceName(service);
        endpoint.setEndpointName(port);
        endpoint.getInInterceptors().add(new RequestBodyLimit(properties.maxRequestBytes()));
        endpoint.getInInterceptors().add(new EnvelopeRulesInterceptor(operations));
        endpoint.getOutInterceptors().add(new ReplyInterceptor());
        FaultShapingInterceptor faults = new FaultShapingInterceptor(operations, refusals);
        endpoint.getOutFaultInterceptors().add(faults);
        endpoint.publish(path);
        return endpoint;
    }
}

package fr.passerelle.gateway.soap;

import fr.passerelle.trust.xml.XmlLimits;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.staxutils.StaxUtils;
import org.springframework.stereotype.Component;

/**
 * Publishes an eHDSI endpoint on CXF with the envelope rules every service shares: SOAP 1.2 only, understood
 * security and addressing headers, reply addressing/MTOM, and faults shaped by Passerelle. The body size is bounded
 * before CXF, by {@code http.BodyLimitFilter} ({@link SoapEntryPoint}).
 */
@Component
public final class SoapEndpointPublisher {

    private final Bus bus;
    private final RefusalAudit refusals;
    /** The operations of each published path, for what answers before CXF (the body limit, {@link SoapEntryPoint}). */
    private final Map<String, Set<EhdsiOperation>> published = new ConcurrentHashMap<>();

    public SoapEndpointPublisher(Bus bus, RefusalAudit refusals) {
        this.bus = bus;
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
        endpoint.getInInterceptors().add(new HttpMethodRule());
        endpoint.getInInterceptors().add(new EnvelopeRulesInterceptor(operations));
        endpoint.getInInterceptors().add(new RequestRead());
        endpoint.setProperties(envelopeLimits());
        endpoint.getOutInterceptors().add(new ReplyInterceptor());
        FaultShapingInterceptor faults = new FaultShapingInterceptor(operations, refusals);
        endpoint.getOutFaultInterceptors().add(faults);
        endpoint.publish(path);
        published.put(path, Set.copyOf(operations));
        return endpoint;
    }

    /**
     * The structural limits of every message from abroad ({@link XmlLimits#ENVELOPE}), enforced by CXF's parser while
     * it reads the envelope — the same ones trust's hardened parser applies to a document parsed on its own (the
     * eDispensation of an XDR submission). The size is bounded before CXF ({@code passerelle.soap.max-request-bytes}).
     */
    static Map<String, Object> envelopeLimits() {
        XmlLimits limits = XmlLimits.ENVELOPE;
        Map<String, Object> properties = new HashMap<>();
        properties.put(StaxUtils.MAX_ELEMENT_DEPTH, limits.maxDepth());
        properties.put(StaxUtils.MAX_ATTRIBUTE_COUNT, limits.maxAttributesPerElement());
        properties.put(StaxUtils.MAX_ELEMENT_COUNT, (long) limits.maxElements());
        return properties;
    }

    /** The operations published at a path under {@code cxf.path} (e.g. {@code /xcpd}), empty when none is. */
    Set<EhdsiOperation> operationsAt(String path) {
        return published.getOrDefault(path, Set.of());
    }
}

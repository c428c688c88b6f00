package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.http.EntryPoint;
import fr.passerelle.gateway.logging.RequestLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code /services} as what answers before CXF sees it: the body limit {@code passerelle.soap.max-request-bytes}; a
 * refusal (a body too large: 413; a URL the firewall rejects: 400) is a SOAP 1.2 Sender fault addressed as every
 * fault of the services, audited as a refusal of the endpoint's transaction — without a correlation id, since the
 * envelope holding the MessageID is not read.
 */
@Component
@Order(0)
public class SoapEntryPoint implements EntryPoint {

    private final String base;
    private final long maxBodyBytes;
    private final SoapEndpointPublisher endpoints;
    private final RefusalAudit audit;

    public SoapEntryPoint(@Value("${cxf.path:/services}") String cxfPath, SoapProperties properties,
                          SoapEndpointPublisher endpoints, RefusalAudit audit) {
        this.base = cxfPath.endsWith("/") ? cxfPath.substring(0, cxfPath.length() - 1) : cxfPath;
        this.maxBodyBytes = properties.maxRequestBytes();
        this.endpoints = endpoints;
        this.audit = audit;
    }

    @Override
    public boolean serves(String path) {
        return EntryPoint.isUnder(base, path);
    }

    @Override
    public long maxBodyBytes(String path) {
        return maxBodyBytes;
    }

    @Override
    public void refuse(HttpServletRequest request, HttpServletResponse response, int status, String rule,
                       String reason) throws IOException {
        endpoints.operationsAt(request.getPathInfo() == null ? "" : request.getPathInfo()).stream()
                .min(Comparator.naturalOrder())
                .ifPresent(operation -> audit.refusedUnread(operation.transaction(), rule));
        RequestLog.refused("SOAP", status, "-", rule);
        EntryPoint.send(response, status, "application/soap+xml; charset=UTF-8", senderFault(reason));
    }

    /** A SOAP 1.2 Sender fault with the WS-Addressing headers of a fault that relates to no readable request. */
    static String senderFault(String reason) {
        return "<soap:Envelope xmlns:soap=\"" + Namespaces.SOAP12 + "\" xmlns:wsa=\"" + Namespaces.WSA + "\">"
                + "<soap:Header><wsa:Action>" + FaultShapingInterceptor.FAULT_ACTION + "</wsa:Action>"
                + "<wsa:MessageID>urn:uuid:" + UUID.randomUUID() + "</wsa:MessageID>"
                + "<wsa:RelatesTo>" + FaultShapingInterceptor.UNSPECIFIED + "</wsa:RelatesTo></soap:Header>"
                + "<soap:Body><soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code>"
                + "<soap:Reason><soap:Text xml:lang=\"en\">" + escape(reason) + "</soap:Text>"
                + "</soap:Reason></soap:Fault></soap:Body></soap:Envelope>";
    }

    /** The reason is Passerelle's own words; escaped all the same. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

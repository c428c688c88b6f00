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
 * {@code /services} as the body limit sees it: {@code passerelle.soap.max-request-bytes}, and "too large" is a SOAP
 * 1.2 Sender fault (HTTP 413) addressed as every fault of the services, audited as a refusal of the endpoint's
 * transaction — without a correlation id, since the envelope holding the MessageID is not read.
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
        return path.equals(base) || path.startsWith(base + "/");
    }

    @Override
    public long maxBodyBytes(String path) {
        return maxBodyBytes;
    }

    @Override
    public void refuseTooLarge(HttpServletRequest request, HttpServletResponse response, long limitBytes)
            throws IOException {
        EnvelopeFault fault = EnvelopeFault.bodyTooLarge(limitBytes);
        endpoints.operationsAt(request.getPathInfo() == null ? "" : request.getPathInfo()).stream()
                .min(Comparator.naturalOrder())
                .ifPresent(operation -> audit.refusedUnread(operation.transaction(), fault.rule()));
        RequestLog.refused("SOAP", fault.httpStatus(), "-", fault.rule());
        EntryPoint.send(response, fault.httpStatus(), "application/soap+xml; charset=UTF-8",
                senderFault(fault.reason()));
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

package fr.passerelle.gateway.soap;

import java.util.Locale;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * First in-interceptor of every endpoint: a request is an HTTP POST (SOAP 1.2 request-response), or a GET of the
 * published description ({@code ?wsdl}, {@code ?xsd=…}); anything else — PUT, DELETE, a bare GET — is refused with a
 * Sender fault, HTTP 405, before anything is read.
 */
public final class HttpMethodRule extends AbstractPhaseInterceptor<Message> {

    public HttpMethodRule() {
        super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
        String method = String.valueOf(message.get(Message.HTTP_REQUEST_METHOD));
        if ("POST".equals(method)) {
            return;
        }
        if ("GET".equals(method) && asksForDescription((String) message.get(Message.QUERY_STRING))) {
            return;
        }
        throw new Fault(EnvelopeFault.methodNotAllowed());
    }

    private static boolean asksForDescription(String query) {
        if (query == null) {
            return false;
        }
        String lower = query.toLowerCase(Locale.ROOT);
        return lower.equals("wsdl") || lower.startsWith("wsdl&") || lower.startsWith("xsd=");
    }
}

package fr.passerelle.gateway.soap;

import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.interceptor.ReadHeadersInterceptor;
import org.apache.cxf.binding.soap.interceptor.SoapActionInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;

/**
 * In-interceptor: only SOAP 1.2 envelopes pass, with WS-Addressing Action and MessageID naming one of the
 * endpoint's operations (see {@link SoapExchange#checkAddressing}); and the headers an eHDSI request marks {@code mustUnderstand}
 * (WS-Addressing, WS-Security) are declared understood, because the endpoints read them themselves
 * ({@link SoapExchange}) and hand the security header to trust.
 */
public final class EnvelopeRulesInterceptor extends AbstractSoapInterceptor {

    private static final Set<QName> UNDERSTOOD = Set.of(
            new QName(Namespaces.WSSE, "Security"),
            new QName(Namespaces.WSA, "Action"),
            new QName(Namespaces.WSA, "MessageID"),
            new QName(Namespaces.WSA, "To"),
            new QName(Namespaces.WSA, "ReplyTo"),
            new QName(Namespaces.WSA, "From"),
            new QName(Namespaces.WSA, "FaultTo"),
            new QName(Namespaces.WSA, "RelatesTo"));

    private final Set<EhdsiOperation> operations;

    /** @param operations the operations of the endpoint this interceptor guards */
    public EnvelopeRulesInterceptor(Set<EhdsiOperation> operations) {
        super(Phase.READ);
        addAfter(ReadHeadersInterceptor.class.getName());
        // Before CXF matches the SOAP action to a WSDL operation, so that a wrong action gets Passerelle's fault.
        addBefore(SoapActionInInterceptor.class.getName());
        this.operations = Set.copyOf(operations);
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return UNDERSTOOD;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getVersion() instanceof Soap12)) {
            throw new Fault(EnvelopeFault.soap12Only());
        }
        try {
            SoapExchange.checkAddressing(message, operations);
        } catch (EnvelopeFault fault) {
            throw new Fault(fault);
        }
    }
}

package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.http.BodyTooLarge;
import fr.passerelle.gateway.http.FailureCauses;
import fr.passerelle.gateway.logging.RequestLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.SoapVersion;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.frontend.WSDLQueryException;
import org.apache.cxf.helpers.CastUtils;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.xml.sax.SAXException;

/**
 * Out-fault interceptor: every fault leaving a Passerelle endpoint is replaced by one built from an
 * {@link EnvelopeFault}, so the client never sees CXF's or a parser's exception text, a stack trace, or a detail
 * element. Sender faults get HTTP 400, receiver faults 500 (SOAP 1.2 HTTP binding). Every fault is recorded in the
 * audit trail without a patient: a refusal (Sender or VersionMismatch: the request was not believed or not readable)
 * as {@code REFUSED}, our own failure (Receiver) as {@code FAILED}.
 */
public final class FaultShapingInterceptor extends AbstractSoapInterceptor {

    /** WS-Addressing 1.0 SOAP Binding, 6: the action of a SOAP fault that defines no action of its own. */
    static final String FAULT_ACTION = "http://www.w3.org/2005/08/addressing/soap/fault";
    /** WS-Addressing 1.0 Core, 3.2: RelatesTo when the request's MessageID could not be read. */
    static final String UNSPECIFIED = "http://www.w3.org/2005/08/addressing/unspecified";

    private static final String ROAD = "SOAP";

    private final Set<EhdsiOperation> operations;
    private final RefusalAudit audit;

    public FaultShapingInterceptor(Set<EhdsiOperation> operations, RefusalAudit audit) {
        super(Phase.PRE_LOGICAL);
        this.operations = Set.copyOf(operations);
        this.audit = audit;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception raised = message.getContent(Exception.class);
        EnvelopeFault decided = decide(raised, RequestRead.completed(message.getExchange()));
        SoapVersion version = message.getVersion();
        SoapFault fault = new SoapFault(decided.reason(), codeOf(decided.code(), version));
        decided.subcode().ifPresent(fault::setSubCode);
        // The SOAP 1.2 fault writer copies the fault's status code to the HTTP response.
        fault.setStatusCode(decided.httpStatus());
        if (decided.httpStatus() == 405) {
            allowPost(message);
        }
        message.setContent(Exception.class, fault);
        // Faults are addressed like replies (eHDSI NCPs correlate them by RelatesTo).
        Message inbound = message.getExchange().getInMessage();
        String relatesTo = inbound == null ? UNSPECIFIED : SoapExchange.messageIdOf(inbound).orElse(UNSPECIFIED);
        ReplyInterceptor.address(message, new SoapExchange.ReplyAddressing(FAULT_ACTION, relatesTo));
        audit.refused(message.getExchange().getInMessage(), operations, decided);
        if (decided.code() == EnvelopeFault.Code.RECEIVER) {
            RequestLog.failed(ROAD, raised);
        } else {
            RequestLog.refused(ROAD, decided.httpStatus(), decided.errorCode(), decided.rule());
        }
    }

    /**
     * @param requestRead whether CXF had read the whole request when it failed ({@link RequestRead}): a failure
     *                    before that is CXF failing to read what the client sent (an MTOM package whose boundary is
     *                    not the declared one, two elements where the operation takes one), the client's mistake
     */
    static EnvelopeFault decide(Throwable raised, boolean requestRead) {
        Optional<EnvelopeFault> ours = FailureCauses.find(raised, EnvelopeFault.class);
        if (ours.isPresent()) {
            return ours.get();
        }
        if (FailureCauses.find(raised, WSDLQueryException.class).isPresent()) {
            // ?xsd= naming no published schema.
            return EnvelopeFault.descriptionNotFound();
        }
        Optional<BodyTooLarge> tooLarge = BodyTooLarge.in(raised);
        if (tooLarge.isPresent()) {
            // A chunked body read past the limit (a declared one is refused before CXF, by SoapEntryPoint).
            return EnvelopeFault.bodyTooLarge(tooLarge.get().limitBytes());
        }
        if (FailureCauses.find(raised, XMLStreamException.class).isPresent()
                || FailureCauses.find(raised, SAXException.class).isPresent()) {
            return EnvelopeFault.notWellFormed();
        }
        if (raised instanceof SoapFault soapFault) {
            QName code = soapFault.getFaultCode();
            if (code != null && "VersionMismatch".equals(code.getLocalPart())) {
                return EnvelopeFault.soap12Only();
            }
            if (code != null && ("Sender".equals(code.getLocalPart()) || "Client".equals(code.getLocalPart()))) {
                // CXF's own sender faults (unreadable envelope, unknown operation…): their text names internals.
                return EnvelopeFault.notWellFormed();
            }
        }
        if (!requestRead) {
            return EnvelopeFault.notWellFormed();
        }
        return EnvelopeFault.internal();
    }

    /** RFC 9110 §15.5.6: a 405 lists the methods the resource takes. */
    private static void allowPost(SoapMessage message) {
        Map<String, List<String>> headers = CastUtils.cast((Map<?, ?>) message.get(Message.PROTOCOL_HEADERS));
        if (headers == null) {
            headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            message.put(Message.PROTOCOL_HEADERS, headers);
        }
        headers.put("Allow", List.of("POST"));
    }

    private static QName codeOf(EnvelopeFault.Code code, SoapVersion version) {
        return switch (code) {
            case SENDER -> version.getSender();
            case RECEIVER -> version.getReceiver();
            case VERSION_MISMATCH -> version.getVersionMismatch();
        };
    }
}

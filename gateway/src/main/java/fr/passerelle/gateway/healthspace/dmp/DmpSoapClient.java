package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.http.FailureCauses;
import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.UnsafeXmlException;
import fr.passerelle.trust.xml.XmlLimits;
import jakarta.xml.soap.AttachmentPart;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPConduitFactory;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Sends one SOAP 1.2 request to a DMP endpoint through a CXF {@code Dispatch<SOAPMessage>} (message mode, DOM; no
 * generated classes, no WS-Security stack): WS-Addressing headers, the VIHF in {@code wsse:Security}, mutual TLS and
 * the configured connect/read timeouts on the conduit. Every way the exchange can fail becomes a {@link DmpFailure}
 * of the right kind.
 */
public final class DmpSoapClient {

    static final String WSA_NS = "http://www.w3.org/2005/08/addressing";
    static final String WSSE_NS =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final QName SERVICE = new QName("urn:ihe:iti:xds-b:2007", "DmpService");
    private static final QName PORT = new QName("urn:ihe:iti:xds-b:2007", "DmpPort");
    private static final Logger LOG = LoggerFactory.getLogger(DmpSoapClient.class);
    private static final HardenedXml ANSWER_LIMITS = new HardenedXml(XmlLimits.ENVELOPE);
    /** CXF's message key for an answer refused as {@code text/html} (core, org.apache.cxf.interceptor). */
    static final String HTML_ANSWER = "INVALID_HTML_RESPONSETYPE";
    /** Keeps CXF's default fault logging off the DMP client: the type only, at DEBUG (see dispatch()). */
    static final FaultListener QUIET_FAULTS = (exception, description, message) -> {
        LOG.debug("DMP client call failed in CXF: {}", exception.getClass().getName());
        return false;
    };

    private final KeyManager[] keyManagers;
    private final TrustManager[] trustManagers;
    private final DmpProperties.Resilience timeouts;
    private final Map<String, Dispatch<SOAPMessage>> dispatches = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param trustManagers null for the JDK's default trust
     */
    public DmpSoapClient(KeyManager[] keyManagers, TrustManager[] trustManagers, DmpProperties.Resilience timeouts) {
        this.keyManagers = keyManagers;
        this.trustManagers = trustManagers;
        this.timeouts = timeouts;
    }

    /**
     * @param payload     the SOAP body's content
     * @param vihf        the signed VIHF assertion
     * @param attachments MTOM parts the payload refers to with {@code xop:Include} (Content-ID → bytes)
     */
    public DmpAnswer call(DmpOperation operation, String url, Element payload, Element vihf,
                          Map<String, byte[]> attachments) {
        SOAPMessage request = envelope(operation, url, payload, vihf, attachments);
        boolean mtom = !attachments.isEmpty();
        Dispatch<SOAPMessage> dispatch = dispatches.computeIfAbsent(url + (mtom ? " mtom" : ""),
                key -> dispatch(url, mtom));
        // The request context is per thread (see dispatch()), so concurrent calls do not see each other's action.
        Map<String, Object> context = dispatch.getRequestContext();
        context.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
        context.put(BindingProvider.SOAPACTION_URI_PROPERTY, operation.soapAction());
        SOAPMessage response;
        try {
            response = dispatch.invoke(request);
        } catch (SOAPFaultException e) {
            throw classifyFault(operation, e);
        } catch (WebServiceException e) {
            throw classify(operation, e);
        }
        return read(operation, response);
    }

    private SOAPMessage envelope(DmpOperation operation, String url, Element payload, Element vihf,
                                 Map<String, byte[]> attachments) {
        try {
            SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_2_PROTOCOL).createMessage();
            SOAPHeader header = message.getSOAPHeader();
            header.addNamespaceDeclaration("wsa", WSA_NS);
            addressing(header, "Action", operation.soapAction(), true);
            addressing(header, "MessageID", "urn:uuid:" + UUID.randomUUID(), false);
            SOAPElement replyTo = header.addChildElement("ReplyTo", "wsa", WSA_NS);
            replyTo.addChildElement("Address", "wsa", WSA_NS).addTextNode(WSA_NS + "/anonymous");
            addressing(header, "To", url, true);
            SOAPElement security = header.addChildElement("Security", "wsse", WSSE_NS);
            security.setAttributeNS(message.getSOAPPart().getEnvelope().getNamespaceURI(), "env:mustUnderstand",
                    "true");
            security.appendChild(message.getSOAPPart().importNode(vihf, true));
            message.getSOAPBody().appendChild(message.getSOAPPart().importNode(payload, true));
            for (Map.Entry<String, byte[]> part : attachments.entrySet()) {
                AttachmentPart attachment = message.createAttachmentPart();
                attachment.setRawContentBytes(part.getValue(), 0, part.getValue().length,
                        "application/octet-stream");
                attachment.setContentId("<" + part.getKey() + ">");
                message.addAttachmentPart(attachment);
            }
            message.saveChanges();
            return message;
        } catch (SOAPException e) {
            throw new IllegalStateException("cannot build the " + operation + " request", e);
        }
    }

    private static void addressing(SOAPHeader header, String name, String value, boolean mustUnderstand)
            throws SOAPException {
        SOAPElement element = header.addChildElement(name, "wsa", WSA_NS);
        element.addTextNode(value);
        if (mustUnderstand) {
            element.setAttributeNS(SOAPConstants.URI_NS_SOAP_1_2_ENVELOPE, "env:mustUnderstand", "true");
        }
    }

    /**
     * One Dispatch per endpoint (and MTOM or not), shared by all threads: creating a CXF service per call cost more
     * than the call itself. Its conduit settings are fixed; its request context is made per thread.
     */
    private Dispatch<SOAPMessage> dispatch(String url, boolean mtom) {
        Service service = Service.create(SERVICE);
        service.addPort(PORT, SOAPBinding.SOAP12HTTP_BINDING, url);
        Dispatch<SOAPMessage> dispatch = service.createDispatch(PORT, SOAPMessage.class, Service.Mode.MESSAGE);
        dispatch.getRequestContext().put("thread.local.request.context", "true");
        ((SOAPBinding) dispatch.getBinding()).setMTOMEnabled(mtom);
        Client client = ((DispatchImpl<SOAPMessage>) dispatch).getClient();
        // The URLConnection conduit: its read timeout bounds every wait for the DMP, including a truncated answer
        // (the java.net.http conduit was seen waiting well past the receive timeout on one).
        client.getEndpoint().getEndpointInfo().setProperty(HTTPConduitFactory.class.getName(),
                (HTTPConduitFactory) (transport, bus, endpoint, target) ->
                        new URLConnectionHTTPConduit(bus, endpoint, target));
        // CXF logs every fault of a client call at WARN, with its message and stack, before handing it back to
        // the caller ("Interceptor for {…}DmpService has thrown exception, unwinding now"). Here the caller is
        // call(), which turns every fault into a DmpFailure the roads answer, time and audit: the WARN is a
        // duplicate per failed call, and its message can quote the DMP's error page ("Incoming portion of HTML
        // stream: …"), which may say anything about the patient. A FaultListener returning false replaces that
        // default logging on this client only; server-side CXF logging is untouched.
        client.getEndpoint().put(FaultListener.class.getName(), QUIET_FAULTS);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        if (!(conduit instanceof URLConnectionHTTPConduit)) {
            throw new IllegalStateException("the DMP client needs CXF's URLConnection conduit, got "
                    + conduit.getClass().getName());
        }
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(timeouts.connectTimeout().toMillis());
        policy.setReceiveTimeout(timeouts.readTimeout().toMillis());
        // Always stream (chunked): HttpURLConnection silently re-sends a buffered POST once when the connection
        // fails, which would submit a dispensation twice; a streamed request is never re-sent behind our back.
        policy.setAllowChunking(true);
        policy.setChunkingThreshold(0);
        conduit.setClient(policy);
        if (url.startsWith("https:")) {
            TLSClientParameters tls = new TLSClientParameters();
            tls.setKeyManagers(keyManagers);
            if (trustManagers != null) {
                tls.setTrustManagers(trustManagers);
            }
            tls.setDisableCNCheck(false);
            conduit.setTlsClientParameters(tls);
        }
        return dispatch;
    }

    private static DmpAnswer read(DmpOperation operation, SOAPMessage response) {
        try {
            if (response == null || response.getSOAPBody() == null) {
                throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation, "empty SOAP answer");
            }
            if (response.getSOAPBody().hasFault()) {
                SOAPFault fault = response.getSOAPBody().getFault();
                throw new DmpFailure(DmpErrorCodes.refusesToken(fault) ? DmpFailure.Kind.ACCESS_REFUSED
                        : DmpFailure.Kind.SOAP_FAULT, operation, describe(fault));
            }
            Element payload = firstElement(response.getSOAPBody());
            if (payload == null) {
                throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation, "empty SOAP body");
            }
            Document owned = HardenedXml.newDocument();
            Element copy = (Element) owned.importNode(payload, true);
            owned.appendChild(copy);
            // CXF parsed the answer with its own hardened StAX settings; the body is held to the limits every
            // outside document meets (XmlLimits.ENVELOPE: depth, attributes, element count, no entity or XInclude).
            try {
                ANSWER_LIMITS.inspect(owned);
            } catch (UnsafeXmlException e) {
                throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation,
                        "answer beyond the XML limits: " + e.getMessage());
            }
            Map<String, byte[]> parts = new HashMap<>();
            Iterator<AttachmentPart> attachments = response.getAttachments();
            while (attachments.hasNext()) {
                AttachmentPart part = attachments.next();
                String id = part.getContentId();
                if (id != null) {
                    parts.put(id.replaceAll("^<|>$", ""), part.getRawContentBytes());
                }
            }
            return new DmpAnswer(copy, parts);
        } catch (SOAPException | RuntimeException e) {
            if (e instanceof DmpFailure failure) {
                throw failure;
            }
            throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation,
                    "unreadable SOAP answer: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * CXF reports as a SOAP fault both a fault the DMP sent and its own failures to read the answer (not XML, an
     * HTML error page): only a fault received without an underlying cause is the DMP's. Classified by type and by
     * CXF's fault fields, never by the text of a message (which may quote the DMP's error page).
     */
    static DmpFailure classifyFault(DmpOperation operation, SOAPFaultException failure) {
        DmpFailure underlying = scan(operation, failure);
        if (underlying != null) {
            return underlying;
        }
        Throwable cause = failure.getCause();
        if (cause instanceof SoapFault && cause.getCause() == null) {
            // A WS-Security fault is the DMP refusing the VIHF (the access), not the DMP failing.
            return new DmpFailure(DmpErrorCodes.refusesToken(failure.getFault()) ? DmpFailure.Kind.ACCESS_REFUSED
                    : DmpFailure.Kind.SOAP_FAULT, operation, describe(failure.getFault()), failure);
        }
        if (refusedAsHtml(failure)) {
            // The answer is an error page, not SOAP; its content is not repeated (it may say anything).
            return new DmpFailure(DmpFailure.Kind.HTTP_ERROR, operation, "HTTP error status with a non-SOAP answer",
                    failure);
        }
        return new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation, "unreadable answer", failure);
    }

    /**
     * Whether CXF refused the answer for its {@code text/html} content type before reading it as SOAP (its
     * {@code StaxInInterceptor}): a CXF {@link Fault} whose message key ({@link Fault#getCode()}, an identifier,
     * not the localised text) is {@value #HTML_ANSWER}. The other HTTP error statuses (all but 500, whatever the
     * body) surface as CXF's {@link HTTPException}, which carries the status (see {@link #scan}).
     */
    private static boolean refusedAsHtml(Throwable failure) {
        return FailureCauses.of(failure).anyMatch(cause -> cause instanceof Fault fault && HTML_ANSWER.equals(fault.getCode()));
    }

    /**
     * Maps a transport-level failure onto what the resilience rules and the error mapping need to know, by the
     * types in its cause chain. An HTTP error status is CXF's {@link HTTPException} (found by {@link #scan}); a
     * status HttpURLConnection refuses to stream past (401, redirects) is an IOException there, as before.
     */
    static DmpFailure classify(DmpOperation operation, Throwable failure) {
        DmpFailure known = scan(operation, failure);
        if (known != null) {
            return known;
        }
        if (failure instanceof WebServiceException && failure.getCause() instanceof IOException) {
            // CXF's Dispatch hands a fault around an I/O failure back as a WebServiceException caused by that
            // IOException: its conduit could not send (MessageSenderInterceptor; a receive failure there is always
            // a SocketTimeoutException, see scan()). The only I/O failures scan() leaves here are charset errors.
            return new DmpFailure(DmpFailure.Kind.UNREACHABLE, operation, "could not send", failure);
        }
        return new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation,
                "unexpected answer: " + failure.getClass().getSimpleName(), failure);
    }

    /**
     * Looks through the whole cause chain, most telling cause first: with a streamed request, a TLS or connection
     * failure surfaces wrapped in the XML writer's own exception. Null when no cause is telling.
     */
    private static DmpFailure scan(DmpOperation operation, Throwable failure) {
        if (has(failure, SSLException.class)) {
            return new DmpFailure(DmpFailure.Kind.TLS, operation, "TLS handshake failed", failure);
        }
        if (has(failure, SocketTimeoutException.class) || has(failure, HttpTimeoutException.class)) {
            return new DmpFailure(DmpFailure.Kind.TIMEOUT, operation, "no answer in time", failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HTTPException http) {
                return new DmpFailure(DmpFailure.Kind.HTTP_ERROR, operation,
                        "HTTP " + http.getResponseCode(), failure);
            }
        }
        if (has(failure, ConnectException.class) || has(failure, SocketException.class)) {
            return new DmpFailure(DmpFailure.Kind.UNREACHABLE, operation, "connection failed", failure);
        }
        // Any other I/O failure is the connection's (reset, closed, or a client certificate refused after a
        // TLS 1.3 handshake, which the client only sees as its request failing to be written); a charset
        // error is the answer's.
        if (FailureCauses.of(failure).anyMatch(cause -> cause instanceof IOException
                && !(cause instanceof java.nio.charset.CharacterCodingException)
                && !(cause instanceof java.io.CharConversionException))) {
            return new DmpFailure(DmpFailure.Kind.UNREACHABLE, operation, "connection dropped", failure);
        }
        if (has(failure, XMLStreamException.class) || has(failure, SAXException.class)
                || has(failure, SOAPException.class)) {
            return new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation, "answer is not SOAP XML", failure);
        }
        return null;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return FailureCauses.of(failure).anyMatch(type::isInstance);
    }

    private static String describe(SOAPFault fault) {
        if (fault == null) {
            return "SOAP fault";
        }
        StringBuilder text = new StringBuilder("SOAP fault ");
        text.append(fault.getFaultCode());
        DmpErrorCodes.subcodes(fault).forEach(subcode -> text.append('/').append(subcode.getLocalPart()));
        String reason = fault.getFaultString();
        if (reason != null) {
            // The DMP's fault reasons name the rule, not the patient; still, keep them short.
            text.append(": ").append(reason.length() > 200 ? reason.substring(0, 200) : reason);
        }
        return text.toString();
    }

    private static Element firstElement(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        return null;
    }

}

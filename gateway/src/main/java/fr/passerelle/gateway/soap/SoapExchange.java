package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.trust.xml.IdAttributes;
import jakarta.activation.DataHandler;
import org.apache.cxf.attachment.ByteDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.attachment.AttachmentImpl;
import org.apache.cxf.headers.Header;
import org.apache.cxf.helpers.CastUtils;
import org.apache.cxf.message.Attachment;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What an endpoint does with the envelope around its transaction: admit the request (WS-Addressing Action and
 * MessageID present, Action one of the endpoint's operations, HTTP SOAP action consistent with it, body element
 * the one the operation expects) and prepare the reply's WS-Addressing headers and MTOM attachments.
 */
public final class SoapExchange {

    private static final String REPLY_KEY = SoapExchange.class.getName() + ".reply";
    private static final String ADMITTED_KEY = SoapExchange.class.getName() + ".admitted";
    private static final String ATTACHMENTS_KEY = SoapExchange.class.getName() + ".attachments";

    private SoapExchange() {
    }

    /**
     * The request being served, admitted by {@link EnvelopeRulesInterceptor}, once its body is the element its
     * operation expects; otherwise throws an {@link EnvelopeFault}.
     */
    public static InboundRequest admit(Source payload, Set<EhdsiOperation> operations) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Admitted admitted = message == null ? null : (Admitted) message.getExchange().get(ADMITTED_KEY);
        if (admitted == null || !operations.contains(admitted.operation())) {
            throw new IllegalStateException("The envelope rules did not run for this endpoint");
        }
        Element body = bodyElement(payload);
        QName expected = admitted.operation().requestElement();
        if (body == null || !expected.equals(new QName(body.getNamespaceURI(), body.getLocalName()))) {
            throw EnvelopeFault.unexpectedBody(expected);
        }
        admitted.security().wsseSecurity().ifPresent(security -> refuseAssertionIdsIn(body, security));
        return new InboundRequest(admitted.operation(), admitted.security(), body);
    }

    /**
     * The body is parsed apart from the header (CXF streams it): trust sees only the header, so an assertion ID
     * reused by an element of the body — signature wrapping across the two — is refused here, as trust refuses it
     * inside the header.
     */
    private static void refuseAssertionIdsIn(Element body, Element security) {
        for (Node child = security.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element assertion && "Assertion".equals(assertion.getLocalName())
                    && !assertion.getAttribute("ID").isEmpty()
                    && IdAttributes.uses(body, assertion.getAttribute("ID")) > 0) {
                String code = ExchangeError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED.code();
                throw EnvelopeFault.untrusted(new SecurityRefusal(SecurityRefusal.Kind.INVALID_SECURITY,
                        code + ": an assertion ID of the Security header occurs again in the SOAP Body",
                        "TRUST_UNIQUE_ID", code));
            }
        }
    }

    /**
     * Checks the addressing of a request against the operations of its endpoint: WS-Addressing Action and MessageID
     * present, Action one of the operations, HTTP SOAP action (if any) equal to it. Remembers the result for
     * {@link #admit} and the reply headers.
     */
    static void checkAddressing(Message message, Set<EhdsiOperation> operations) {
        List<Header> headers = headers(message);
        String action = addressingValue(headers, "Action")
                .orElseThrow(() -> EnvelopeFault.missingAddressingHeader("Action"));
        String messageId = addressingValue(headers, "MessageID")
                .orElseThrow(() -> EnvelopeFault.missingAddressingHeader("MessageID"));
        EhdsiOperation operation = operations.stream().filter(op -> op.requestAction().equals(action)).findFirst()
                .orElseThrow(EnvelopeFault::actionNotSupported);
        httpSoapAction(message).ifPresent(soapAction -> {
            if (!soapAction.equals(action)) {
                throw EnvelopeFault.soapActionMismatch();
            }
        });
        Optional<Element> security = headers.stream()
                .filter(h -> h.getName().equals(new QName(Namespaces.WSSE, "Security")))
                .map(Header::getObject).filter(Element.class::isInstance).map(Element.class::cast).findFirst();
        WsAddressing addressing = new WsAddressing(action, messageId, addressingValue(headers, "To"));
        message.getExchange().put(ADMITTED_KEY,
                new Admitted(operation, new RequestSecurity(security, addressing, isMtom(message))));
        message.getExchange().put(REPLY_KEY, new ReplyAddressing(operation.responseAction(), messageId));
    }

    private record Admitted(EhdsiOperation operation, RequestSecurity security) {
    }

    /** An MTOM/XOP package: {@code multipart/related} whose root part is {@code application/xop+xml}. */
    static boolean isMtom(Message message) {
        String contentType = (String) message.get(Message.CONTENT_TYPE);
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/related")) {
            return false;
        }
        return "application/xop+xml".equalsIgnoreCase(mediaTypeParameters(contentType).getOrDefault("type", "").trim());
    }

    /**
     * The operation a request was for, as far as it could be read: the admitted one, else the one its WS-Addressing
     * Action names among the endpoint's, else empty (addressing missing or unreadable).
     */
    static Optional<EhdsiOperation> operationOf(Message inbound, Set<EhdsiOperation> operations) {
        Admitted admitted = (Admitted) inbound.getExchange().get(ADMITTED_KEY);
        if (admitted != null) {
            return Optional.of(admitted.operation());
        }
        return addressingValue(headers(inbound), "Action")
                .flatMap(action -> operations.stream().filter(op -> op.requestAction().equals(action)).findFirst());
    }

    /** The request's wsa:MessageID, its correlation id, if it could be read. */
    static Optional<String> messageIdOf(Message inbound) {
        return addressingValue(headers(inbound), "MessageID");
    }

    /** Makes the reply to the request being served an MTOM package carrying these parts. */
    public static void attachToReply(List<OutboundAttachment> attachments) {
        Exchange exchange = PhaseInterceptorChain.getCurrentMessage().getExchange();
        List<Attachment> parts = new ArrayList<>();
        for (OutboundAttachment a : attachments) {
            AttachmentImpl part = new AttachmentImpl(a.contentId(),
                    new DataHandler(new ByteDataSource(a.content(), a.mimeType())));
            part.setXOP(true);
            parts.add(part);
        }
        exchange.put(ATTACHMENTS_KEY, parts);
    }

    /** The MTOM part of the request being served with this Content-ID, if any. */
    public static Optional<byte[]> inboundAttachment(String contentId) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        if (message == null || message.getAttachments() == null) {
            return Optional.empty();
        }
        for (Attachment part : message.getAttachments()) {
            if (contentId.equals(part.getId())) {
                try (java.io.InputStream in = part.getDataHandler().getInputStream()) {
                    return Optional.of(in.readAllBytes());
                } catch (java.io.IOException e) {
                    throw new MalformedRequest("An MTOM part of the request cannot be read");
                }
            }
        }
        return Optional.empty();
    }

    /** Headers the reply carries: Action of the response, a fresh MessageID, RelatesTo the request's MessageID. */
    static Optional<ReplyAddressing> replyOf(Exchange exchange) {
        return Optional.ofNullable((ReplyAddressing) exchange.get(REPLY_KEY));
    }

    static List<Attachment> attachmentsOf(Exchange exchange) {
        List<Attachment> parts = CastUtils.cast((List<?>) exchange.get(ATTACHMENTS_KEY));
        return parts == null ? List.of() : parts;
    }

    /** WS-Addressing values of a reply. */
    record ReplyAddressing(String action, String relatesTo) {
        String messageId() {
            return "urn:uuid:" + UUID.randomUUID();
        }
    }

    private static List<Header> headers(Message message) {
        List<Header> headers = CastUtils.cast((List<?>) message.get(Header.HEADER_LIST));
        return headers == null ? List.of() : headers;
    }

    private static Optional<String> addressingValue(List<Header> headers, String localName) {
        QName name = new QName(Namespaces.WSA, localName);
        return headers.stream().filter(h -> name.equals(h.getName()))
                .map(Header::getObject).filter(Node.class::isInstance)
                .map(node -> ((Node) node).getTextContent().trim()).filter(value -> !value.isEmpty()).findFirst();
    }

    /**
     * The action of the HTTP request: SOAP 1.2 {@code action} media-type parameter (for an MTOM request, the one inside
     * the multipart's {@code start-info}, where a CXF or Axis2 client writes it, escaped quotes and all), or a
     * SOAPAction header.
     */
    private static Optional<String> httpSoapAction(Message message) {
        String contentType = (String) message.get(Message.CONTENT_TYPE);
        if (contentType != null) {
            Map<String, String> parameters = mediaTypeParameters(contentType);
            String action = parameters.get("action");
            if (action == null && parameters.containsKey("start-info")) {
                action = mediaTypeParameters(parameters.get("start-info")).get("action");
            }
            if (action != null && !action.isEmpty()) {
                return Optional.of(action);
            }
        }
        Map<String, List<String>> protocol = CastUtils.cast((Map<?, ?>) message.get(Message.PROTOCOL_HEADERS));
        if (protocol != null) {
            for (Map.Entry<String, List<String>> header : protocol.entrySet()) {
                if ("SOAPAction".equalsIgnoreCase(header.getKey()) && header.getValue() != null
                        && !header.getValue().isEmpty()) {
                    return Optional.of(unquote(header.getValue().get(0).trim())).filter(s -> !s.isEmpty());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The parameters of a media type, names lower-cased, quoted values unquoted (RFC 9110 quoted-string with backslash
     * escapes), so that a quoted parameter may itself hold a media type with parameters ({@code start-info}).
     */
    static Map<String, String> mediaTypeParameters(String mediaType) {
        Map<String, String> parameters = new java.util.HashMap<>();
        int length = mediaType.length();
        int at = mediaType.indexOf(';');
        while (at >= 0 && at < length) {
            int start = at + 1;
            int eq = mediaType.indexOf('=', start);
            int next = mediaType.indexOf(';', start);
            if (eq < 0) {
                break;
            }
            if (next >= 0 && next < eq) {
                at = next;
                continue;
            }
            String name = mediaType.substring(start, eq).trim().toLowerCase(Locale.ROOT);
            int i = eq + 1;
            while (i < length && mediaType.charAt(i) == ' ') {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < length && mediaType.charAt(i) == '"') {
                for (i++; i < length && mediaType.charAt(i) != '"'; i++) {
                    char c = mediaType.charAt(i);
                    if (c == '\\' && i + 1 < length) {
                        c = mediaType.charAt(++i);
                    }
                    value.append(c);
                }
                at = mediaType.indexOf(';', i);
            } else {
                int end = mediaType.indexOf(';', i);
                value.append((end < 0 ? mediaType.substring(i) : mediaType.substring(i, end)).trim());
                at = end;
            }
            parameters.putIfAbsent(name, value.toString());
        }
        return parameters;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static Element bodyElement(Source payload) {
        if (payload instanceof DOMSource dom) {
            Node node = dom.getNode();
            if (node instanceof Document document) {
                return document.getDocumentElement();
            }
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }
}

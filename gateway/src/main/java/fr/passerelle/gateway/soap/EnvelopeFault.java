package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.http.BodyTooLarge;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A SOAP fault Passerelle decided to send, with a reason written for the requesting NCP. Thrown from endpoints and
 * interceptors; {@link FaultShapingInterceptor} turns it into the SOAP fault of the request's SOAP version. Carries
 * no stack trace and no cause, so nothing of the request or of the server's internals can leak through it.
 */
public final class EnvelopeFault extends RuntimeException {

    /** The audit trail's reason for a body over the limit. */
    public static final String BODY_TOO_LARGE = "BODY_TOO_LARGE";

    /** The SOAP 1.2 fault code classes Passerelle uses. */
    public enum Code { SENDER, RECEIVER, VERSION_MISMATCH }

    private final Code code;
    private final transient QName subcode;
    private final String rule;
    private final String errorCode;
    private final int httpStatus;

    /**
     * @param rule why, as the audit trail records the refusal (e.g. {@code SOAP_MALFORMED}); never request content
     */
    public EnvelopeFault(Code code, QName subcode, String rule, String reason) {
        this(code, subcode, rule, "", reason, code == Code.RECEIVER ? 500 : 400);
    }

    private EnvelopeFault(Code code, QName subcode, String rule, String errorCode, String reason, int httpStatus) {
        super(Objects.requireNonNull(reason, "reason"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.subcode = subcode;
        this.rule = Objects.requireNonNull(rule, "rule");
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.httpStatus = httpStatus;
    }

    /**
     * The HTTP status of the fault (SOAP 1.2 HTTP binding: Sender 400, Receiver 500), or a more precise 4xx the
     * binding allows (413 for a body over the limit).
     */
    public int httpStatus() {
        return httpStatus;
    }

    /** The audit trail's reason for this refusal. */
    public String rule() {
        return rule;
    }

    /** The eHDSI error code the fault's reason carries, empty for a plain envelope fault. */
    public String errorCode() {
        return errorCode;
    }

    public Code code() {
        return code;
    }

    public Optional<QName> subcode() {
        return Optional.ofNullable(subcode);
    }

    public String reason() {
        return getMessage();
    }

    public static EnvelopeFault missingAddressingHeader(String localName) {
        return new EnvelopeFault(Code.SENDER, new QName(Namespaces.WSA, "MessageAddressingHeaderRequired"),
                "WSA_" + localName.toUpperCase(java.util.Locale.ROOT) + "_MISSING",
                "A required WS-Addressing header is missing: wsa:" + localName);
    }

    public static EnvelopeFault actionNotSupported() {
        return new EnvelopeFault(Code.SENDER, new QName(Namespaces.WSA, "ActionNotSupported"),
                "WSA_ACTION_NOT_SUPPORTED",
                "The WS-Addressing Action is not an operation of this service");
    }

    public static EnvelopeFault soapActionMismatch() {
        return new EnvelopeFault(Code.SENDER, new QName(Namespaces.WSA, "ActionMismatch"), "WSA_ACTION_MISMATCH",
                "The SOAP action of the HTTP request differs from the WS-Addressing Action");
    }

    public static EnvelopeFault unexpectedBody(QName expected) {
        return new EnvelopeFault(Code.SENDER, null, "SOAP_UNEXPECTED_BODY",
                "The SOAP body must contain exactly one " + expected.getLocalPart() + " element of namespace "
                        + expected.getNamespaceURI() + " for this action");
    }

    public static EnvelopeFault bodyTooLarge(long limitBytes) {
        return new EnvelopeFault(Code.SENDER, null, BODY_TOO_LARGE, "", BodyTooLarge.reason(limitBytes), 413);
    }

    public static EnvelopeFault methodNotAllowed() {
        return new EnvelopeFault(Code.SENDER, null, "HTTP_METHOD_NOT_ALLOWED", "",
                "Requests are HTTP POST; GET only reads the service description (?wsdl)", 405);
    }

    public static EnvelopeFault descriptionNotFound() {
        return new EnvelopeFault(Code.SENDER, null, "WSDL_DOCUMENT_NOT_FOUND", "",
                "No such document: the service publishes its WSDL (?wsdl) and the schemas it imports", 404);
    }

    public static EnvelopeFault notWellFormed() {
        return new EnvelopeFault(Code.SENDER, null, "SOAP_MALFORMED",
                "The request is not a well-formed SOAP 1.2 message");
    }

    public static EnvelopeFault soap12Only() {
        return new EnvelopeFault(Code.VERSION_MISMATCH, null, "SOAP_VERSION_MISMATCH",
                "Only SOAP 1.2 (namespace " + Namespaces.SOAP12 + ") is accepted");
    }

    public static EnvelopeFault untrusted(SecurityRefusal refusal) {
        return new EnvelopeFault(Code.SENDER, new QName(Namespaces.WSSE, refusal.kind().wsseLocalName(), "wsse"),
                refusal.rule(), refusal.errorCode(), refusal.reason(), 400);
    }

    /**
     * An ITI-39 or ITI-41 request of a verified partner sent as plain SOAP: both are MTOM/XOP on the wire (IHE ITI
     * TF-2b 3.39.5, 3.43.5, 3.41.5), and France admits plain SOAP only from a country granted the leniency.
     */
    public static EnvelopeFault notMtom(String transaction) {
        return new EnvelopeFault(Code.SENDER, null, "SOAP_NOT_MTOM", transaction + " requests are MTOM/XOP packages "
                + "(multipart/related; type=\"application/xop+xml\", IHE ITI TF-2b); this one is plain SOAP");
    }

    public static EnvelopeFault internal() {
        return new EnvelopeFault(Code.RECEIVER, null, "INTERNAL_ERROR",
                "The request could not be processed; retry later or contact the French NCP operator");
    }
}

package fr.passerelle.gateway.soap;

import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A SOAP fault Passerelle decided to send, with a reason written for the requesting NCP. Thrown from endpoints and
 * interceptors; {@link FaultShapingInterceptor} turns it into the SOAP fault of the request's SOAP version. Carries
 * no stack trace and no cause, so nothing of the request or of the server's internals can leak through it.
 */
public final class EnvelopeFault extends RuntimeException {

    /** The SOAP 1.2 fault code classes Passerelle uses. */
    public enum Code { SENDER, RECEIVER, VERSION_MISMATCH }

    private final Code code;
    private final transient QName subcode;

    public EnvelopeFault(Code code, QName subcode, String reason) {
        super(Objects.requireNonNull(reason, "reason"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.subcode = subcode;
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
                "A required WS-Addressing header is missing: wsa:" + localName);
    }

    public static EnvelopeFault actionNotSupported() {
        return new EnvelopeFault(Code.SENDER, new QName(Namespaces.WSA, "ActionNotSupported"),
                "The WS-Addressing Action is not an operation of this service");
    }

    public static EnvelopeFault soapActionMismatch() {
        return new EnvelopeFault(Code.SENDER, new QName(Namespaces.WSA, "ActionMismatch"),
                "The SOAP action of the HTTP request differs from the WS-Addressing Action");
    }

    public static EnvelopeFault unexpectedBody(QName expected) {
        return new EnvelopeFault(Code.SENDER, null,
                "The SOAP body must contain exactly one " + expected.getLocalPart() + " element of namespace "
                        + expected.getNamespaceURI() + " for this action");
    }

    public static EnvelopeFault bodyTooLarge(long limitBytes) {
        return new EnvelopeFault(Code.SENDER, null, "The request is larger than the accepted " + limitBytes + " bytes");
    }

    public static EnvelopeFault notWellFormed() {
        return new EnvelopeFault(Code.SENDER, null, "The request is not a well-formed SOAP 1.2 message");
    }

    public static EnvelopeFault soap12Only() {
        return new EnvelopeFault(Code.VERSION_MISMATCH, null,
                "Only SOAP 1.2 (namespace " + Namespaces.SOAP12 + ") is accepted");
    }

    public static EnvelopeFault untrusted(SecurityRefusal refusal) {
        return new EnvelopeFault(Code.SENDER, new QName(Namespaces.WSSE, refusal.kind().wsseLocalName(), "wsse"),
                refusal.reason());
    }

    public static EnvelopeFault internal() {
        return new EnvelopeFault(Code.RECEIVER, null,
                "The request could not be processed; retry later or contact the French NCP operator");
    }
}

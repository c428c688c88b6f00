package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.exchange.CrossBorderCall;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.exchange.ExchangeRefusal;
import fr.passerelle.gateway.ratelimit.RateLimitGate;
import fr.passerelle.trust.Refusal;
import fr.passerelle.trust.RequestValidator;
import fr.passerelle.trust.Transaction;
import fr.passerelle.trust.Validation;
import fr.passerelle.trust.VerifiedRequester;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * The first step of every SOAP road: {@code trust} judges the envelope's {@code wsse:Security} header. A request
 * without that header, or whose assertions are not believed, is refused before anything else is read; a believed
 * one is counted against its country's rate limit and becomes the {@link CrossBorderCall} the exchange use cases
 * take, or, over the limit, a {@link Throttled} business refusal ({@code ERROR_GENERIC}: the eHDSI catalogue has
 * no rate-limit code, and ERROR_GENERIC is the one NCP-B portals show as "retry later").
 */
@Component
public class TrustCheckpoint {

    /** Believed (a call for the use cases), refused (a security fault) or over the rate limit. */
    public sealed interface Verdict {
    }

    public record Believed(CrossBorderCall call) implements Verdict {
    }

    public record Untrusted(SecurityRefusal refusal) implements Verdict {
    }

    /** Believed, but over its country's rate limit: answered in the road's business-refusal shape. */
    public record Throttled(BusinessRefusal refusal) implements Verdict {
    }

    private final RequestValidator validator;
    private final RateLimitGate rateLimit;

    public TrustCheckpoint(RequestValidator validator, RateLimitGate rateLimit) {
        this.validator = validator;
        this.rateLimit = rateLimit;
    }

    /**
     * @param patientId the request's patient (HL7 CX) to compare with the TRC assertion; empty when the request
     *                  names none (XCPD before matching; XCA retrieve, where the exchange compares each document's
     *                  patient with the TRC patient)
     */
    public Verdict check(RequestSecurity security, Transaction transaction, Optional<String> patientId) {
        if (security.wsseSecurity().isEmpty()) {
            ExchangeError error = ExchangeError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED;
            return new Untrusted(new SecurityRefusal(SecurityRefusal.Kind.INVALID_SECURITY,
                    error.code() + ": the request carries no WS-Security header", "TRUST_NO_SECURITY_HEADER",
                    error.code()));
        }
        // The SOAP Header rather than the Security element alone: the validator then reads the wsa:MessageID beside
        // it, so a message id is one-use too (the only replay guard when one-use-assertions is off).
        Element container = soapHeaderOf(security.wsseSecurity().get());
        Validation validation = patientId.isPresent()
                ? validator.validate(container, transaction, patientId.get())
                : validator.diagnose(container, transaction, Optional.empty()).validation();
        if (validation instanceof Refusal refusal) {
            SecurityRefusal.Kind kind = "header".equals(refusal.check()) || "structure".equals(refusal.check())
                    ? SecurityRefusal.Kind.INVALID_SECURITY : SecurityRefusal.Kind.FAILED_AUTHENTICATION;
            String code = ExchangeError.of(refusal.error()).code();
            return new Untrusted(new SecurityRefusal(kind, code + ": " + refusal.reason(), ruleOf(refusal), code));
        }
        VerifiedRequester requester = (VerifiedRequester) validation;
        CrossBorderCall call = new CrossBorderCall(requester, requester.country(), security.addressing().messageId());
        if (rateLimit.admit(call, transaction) instanceof RateLimitGate.Throttled throttled) {
            return new Throttled(new BusinessRefusal(ExchangeError.ERROR_GENERIC, throttled.reason()));
        }
        return new Believed(call);
    }

    /** The audit trail's name of the trust check that failed, e.g. {@code TRUST_SIGNATURE}. */
    static String ruleOf(Refusal refusal) {
        return "TRUST_" + refusal.check().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    private static Element soapHeaderOf(Element security) {
        return security.getParentNode() instanceof Element parent && "Header".equals(parent.getLocalName())
                && Namespaces.SOAP12.equals(parent.getNamespaceURI()) ? parent : security;
    }

    /** An exchange refusal in the eHDSI catalogue's words. */
    public static BusinessRefusal refusalOf(ExchangeRefusal refusal) {
        return new BusinessRefusal(refusal.error(), refusal.reason());
    }
}

package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.exchange.CrossBorderCall;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.exchange.ExchangeRefusal;
import fr.passerelle.gateway.partner.Leniency;
import fr.passerelle.gateway.partner.PartnerConformance;
import fr.passerelle.gateway.ratelimit.RateLimitGate;
import fr.passerelle.trust.Refusal;
import fr.passerelle.trust.RequestValidator;
import fr.passerelle.trust.Transaction;
import fr.passerelle.trust.Validation;
import fr.passerelle.trust.VerifiedRequester;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The IHE XUA X-Service Provider of every SOAP transaction, its first step: {@code trust} judges the envelope's
 * {@code wsse:Security} header. A request
 * without that header, or whose assertions are not believed, is refused with a security fault before anything else
 * is read. A request whose assertions are believed but whose requester may not do this (trust's permission checks:
 * TRC bound elsewhere 1002, TRC naming another patient 4206, role/permission/purpose 4703) is {@link Declined}: a
 * business refusal in the road's own shape, as OpenNCP answers its InsufficientRights refusals, so that an NCP-B
 * portal shows "insufficient rights" rather than "authentication failed" (docs/implementers.md, "SOAP road:
 * refusals"). A verified request must then meet what eHDSI requires and trust does not judge (HCP facility type and
 * {@code AuthnStatement}, MTOM/XOP for ITI-39 and ITI-41) unless its country was granted the leniency
 * ({@link PartnerConformance}). A permitted one is counted against its country's rate limit and becomes the
 * {@link CrossBorderCall}
 * the exchange use cases take, or, over the limit, is {@link Declined} with {@code ERROR_GENERIC} (the eHDSI
 * catalogue has no rate-limit code, and ERROR_GENERIC is the one NCP-B portals show as "retry later").
 */
@Component
public class XuaServiceProvider {

    /** Verified (a call for the use cases), not believed (a security fault), or declined (a business refusal). */
    public sealed interface Verdict {

        /**
         * The one place a responder maps the three verdicts onto its road's outcome: a security fault, a business
         * refusal in the road's own shape, or the road itself for a verified call.
         */
        <T> T fold(Function<SecurityRefusal, T> untrusted, Function<BusinessRefusal, T> declined,
                   Function<CrossBorderCall, T> verified);
    }

    public record Verified(CrossBorderCall call) implements Verdict {
        @Override
        public <T> T fold(Function<SecurityRefusal, T> untrusted, Function<BusinessRefusal, T> declined,
                          Function<CrossBorderCall, T> verified) {
            return verified.apply(call);
        }
    }

    public record Untrusted(SecurityRefusal refusal) implements Verdict {
        @Override
        public <T> T fold(Function<SecurityRefusal, T> untrusted, Function<BusinessRefusal, T> declined,
                          Function<CrossBorderCall, T> verified) {
            return untrusted.apply(refusal);
        }
    }

    /**
     * Verified, but not allowed (trust's permission checks) or over its country's rate limit: answered in the road's
     * business-refusal shape, and already audited.
     */
    public record Declined(BusinessRefusal refusal) implements Verdict {
        @Override
        public <T> T fold(Function<SecurityRefusal, T> untrusted, Function<BusinessRefusal, T> declined,
                          Function<CrossBorderCall, T> verified) {
            return declined.apply(refusal);
        }
    }

    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

    private final RequestValidator validator;
    private final RateLimitGate rateLimit;
    private final RefusalAudit audit;
    private final PartnerConformance partners;

    public XuaServiceProvider(RequestValidator validator, RateLimitGate rateLimit, RefusalAudit audit,
                              PartnerConformance partners) {
        this.validator = validator;
        this.rateLimit = rateLimit;
        this.audit = audit;
        this.partners = partners;
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
        if (validation instanceof Refusal refusal && refusal.requesterBelieved()) {
            ExchangeError error = ExchangeError.of(refusal.error());
            // Trust returns no requester with a refusal: the record is unattributed, like a fault's, with the rule
            // and code the requesting NCP is told.
            audit.declined(transaction, ruleOf(refusal), error.code(), security.addressing().messageId());
            return new Declined(new BusinessRefusal(error, refusal.check() + ": " + refusal.reason()));
        }
        if (validation instanceof Refusal refusal) {
            SecurityRefusal.Kind kind = "header".equals(refusal.check()) || "structure".equals(refusal.check())
                    ? SecurityRefusal.Kind.INVALID_SECURITY : SecurityRefusal.Kind.FAILED_AUTHENTICATION;
            String code = ExchangeError.of(refusal.error()).code();
            return new Untrusted(new SecurityRefusal(kind, code + ": " + refusal.reason(), ruleOf(refusal), code));
        }
        VerifiedRequester requester = (VerifiedRequester) validation;
        Optional<SecurityRefusal> deviation = strictEhdsi(security, transaction, requester);
        if (deviation.isPresent()) {
            return new Untrusted(deviation.get());
        }
        CrossBorderCall call = new CrossBorderCall(requester, requester.country(), security.addressing().messageId());
        if (rateLimit.admit(call, transaction) instanceof RateLimitGate.Throttled throttled) {
            return new Declined(new BusinessRefusal(ExchangeError.ERROR_GENERIC, throttled.reason()));
        }
        return new Verified(call);
    }

    /**
     * What trust does not judge but eHDSI requires of a verified request, unless its country was granted the
     * {@link Leniency}: an HCP identity assertion with a healthcare facility type and an {@code AuthnStatement} (a
     * security fault, as for any insufficient assertion), and an ITI-39 or ITI-41 request packaged as MTOM/XOP (a
     * Sender fault: the message's packaging, like its SOAP version, is the envelope's, and no RegistryError code of
     * IHE or eHDSI names it).
     */
    private Optional<SecurityRefusal> strictEhdsi(RequestSecurity security, Transaction transaction,
                                                  VerifiedRequester requester) {
        String country = requester.country();
        if (requester.facilityType().isBlank() && !partners.tolerates(country, Leniency.HCP_WITHOUT_FACILITY_TYPE)) {
            // As trust answers any other required HCP claim missing: the identity is incomplete.
            String code = ExchangeError.ERROR_HPI_INSUFFICIENT_INFORMATION.code();
            return Optional.of(new SecurityRefusal(SecurityRefusal.Kind.FAILED_AUTHENTICATION, code
                    + ": the HCP identity assertion has no attribute urn:ehdsi:names:subject:healthcare-facility-type",
                    "TRUST_HCP_FACILITY_TYPE", code));
        }
        if (!hasAuthnStatement(security, requester.hcpAssertionId())
                && !partners.tolerates(country, Leniency.HCP_WITHOUT_AUTHN_STATEMENT)) {
            // The eHDSI code for "HP authentication method has not been received", as for a missing HCP assertion.
            String code = ExchangeError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED.code();
            return Optional.of(new SecurityRefusal(SecurityRefusal.Kind.INVALID_SECURITY,
                    code + ": the HCP identity assertion has no AuthnStatement", "TRUST_HCP_AUTHN_STATEMENT", code));
        }
        if ((transaction == Transaction.XCA_RETRIEVE || transaction == Transaction.XDR) && !security.mtom()
                && !partners.tolerates(country, Leniency.REQUEST_WITHOUT_MTOM)) {
            throw EnvelopeFault.notMtom(transaction == Transaction.XDR ? "ITI-41" : "ITI-39");
        }
        return Optional.empty();
    }

    /** The verified HCP assertion (signed: its content is the issuer's) has an {@code AuthnStatement}. */
    private static boolean hasAuthnStatement(RequestSecurity security, String hcpAssertionId) {
        Element header = security.wsseSecurity().orElseThrow();
        for (Node child = header.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element assertion && "Assertion".equals(assertion.getLocalName())
                    && SAML.equals(assertion.getNamespaceURI()) && hcpAssertionId.equals(assertion.getAttribute("ID"))) {
                return hasChild(assertion, "AuthnStatement");
            }
        }
        return false;
    }

    /** A child, not a descendant: an {@code AuthnStatement} inside the {@code Advice} says nothing of this assertion. */
    private static boolean hasChild(Element parent, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())
                    && SAML.equals(element.getNamespaceURI())) {
                return true;
            }
        }
        return false;
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

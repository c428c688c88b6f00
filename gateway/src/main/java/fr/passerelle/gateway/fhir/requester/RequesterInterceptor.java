package fr.passerelle.gateway.fhir.requester;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import fr.passerelle.gateway.exchange.CrossBorderCall;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.exchange.ExchangeRefusal;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.ratelimit.RateLimitGate;
import fr.passerelle.trust.EhdsiError;
import fr.passerelle.trust.Refusal;
import fr.passerelle.trust.Transaction;
import fr.passerelle.trust.Validation;
import fr.passerelle.trust.VerifiedRequester;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.MDC;

/**
 * Establishes who asks before any cross-border resource is touched: a bearer JWT, or base64 HCP (+ TRC) SAML
 * assertions, turned into a {@link VerifiedRequester}, counted against its country's rate limit (over it: HTTP 429
 * with {@code Retry-After} and an OperationOutcome {@code throttled}) and attached to the request as a
 * {@link CrossBorderCall}. The CapabilityStatement and the terminology operations stay public.
 */
@Interceptor
public final class RequesterInterceptor {

    static final String CALL_KEY = RequesterInterceptor.class.getName() + ".call";
    private static final Set<String> CROSS_BORDER_RESOURCES = Set.of("Patient", "DocumentReference", "Bundle",
            "Binary", "MedicationRequest", "Medication", "MedicationDispense");

    private final AssertionHeaders assertions;
    private final BearerTokenVerifier tokens;
    private final RateLimitGate rateLimit;

    public RequesterInterceptor(AssertionHeaders assertions, BearerTokenVerifier tokens, RateLimitGate rateLimit) {
        this.assertions = assertions;
        this.tokens = tokens;
        this.rateLimit = rateLimit;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void identify(RequestDetails request, RestOperationTypeEnum operation) {
        boolean transactionBundle = operation == RestOperationTypeEnum.TRANSACTION;
        if (!transactionBundle
                && (request.getResourceName() == null || !CROSS_BORDER_RESOURCES.contains(request.getResourceName()))) {
            return;
        }
        Transaction transaction = transactionOf(request, operation);
        Validation validation = validate(request, transaction);
        if (validation instanceof Refusal refusal) {
            throw refusal(refusal);
        }
        VerifiedRequester requester = (VerifiedRequester) validation;
        CrossBorderCall call = new CrossBorderCall(requester, "fhir:" + requester.country(), correlationId(request));
        if (rateLimit.admit(call, transaction) instanceof RateLimitGate.Throttled throttled) {
            throw throttled(throttled);
        }
        request.getUserData().put(CALL_KEY, call);
    }

    /** 429 Too Many Requests; the eHDSI code is ERROR_GENERIC, the catalogue having no rate-limit code. */
    private static FhirRefusal throttled(RateLimitGate.Throttled throttled) {
        FhirRefusal refusal = FhirRefusal.of(429, OperationOutcome.IssueType.THROTTLED, RateLimitGate.ERROR_CODE,
                "Too many requests from the requesting country; retry later", throttled.reason());
        refusal.addResponseHeader("Retry-After", Long.toString(throttled.exceeded().retryAfterSeconds()));
        return refusal;
    }

    /** The verified call of a request the interceptor admitted. */
    public static CrossBorderCall callOf(RequestDetails request) {
        Object call = request.getUserData().get(CALL_KEY);
        if (call == null) {
            // A provider reached without the interceptor is a wiring error, not a requester's fault.
            throw new IllegalStateException("no verified requester on this request");
        }
        return (CrossBorderCall) call;
    }

    private Validation validate(RequestDetails request, Transaction transaction) {
        String authorization = request.getHeader("Authorization");
        String hcp = request.getHeader(AssertionHeaders.HCP_HEADER);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (hcp != null) {
                return new Refusal(EhdsiError.ERROR_SEC_GENERIC, "header",
                        "send either a bearer token or SAML assertions, not both");
            }
            return tokens.verify(authorization.substring(7).trim(), transaction);
        }
        if (hcp != null) {
            return assertions.validate(hcp, Optional.ofNullable(request.getHeader(AssertionHeaders.TRC_HEADER)),
                    transaction);
        }
        return new Refusal(EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED, "header",
                "no bearer token and no " + AssertionHeaders.HCP_HEADER + " header was received");
    }

    static Transaction transactionOf(RequestDetails request, RestOperationTypeEnum operation) {
        String resource = request.getResourceName();
        if ("MedicationDispense".equals(resource) || operation == RestOperationTypeEnum.TRANSACTION) {
            return Transaction.XDR;
        }
        if ("Patient".equals(resource) && !"$summary".equals(request.getOperation())
                && (operation == RestOperationTypeEnum.SEARCH_TYPE || operation == RestOperationTypeEnum.EXTENDED_OPERATION_TYPE)) {
            return Transaction.FHIR_PATIENT_SEARCH;
        }
        return Transaction.FHIR_DOCUMENT;
    }

    /**
     * Trust's refusal as the catalogue answers it (one mapping, {@link ExchangeError#of}): missing or unbelievable
     * credentials are 401, a believed requester without the rights is 403; which check refused and why go in the
     * diagnostics.
     */
    static FhirRefusal refusal(Refusal refusal) {
        return FhirRefusal.of(new ExchangeRefusal(ExchangeError.of(refusal.error()),
                refusal.check() + ": " + refusal.reason()));
    }

    private static String correlationId(RequestDetails request) {
        String header = request.getHeader("X-Correlation-Id");
        if (header != null && !header.isBlank() && header.length() <= 128) {
            return header;
        }
        return Optional.ofNullable(MDC.get("correlationId")).orElse(request.getRequestId());
    }
}

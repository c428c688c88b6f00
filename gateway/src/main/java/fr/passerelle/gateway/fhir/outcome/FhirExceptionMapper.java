package fr.passerelle.gateway.fhir.outcome;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import fr.passerelle.gateway.http.BodyTooLarge;
import fr.passerelle.gateway.http.FailureCauses;
import fr.passerelle.gateway.logging.RequestLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Every exception leaving the FHIR server becomes an OperationOutcome whose text is safe to send: Passerelle's
 * own refusals as they are; HAPI's answers to a malformed request with their status and a bounded, checked
 * message; a request HAPI could not read into parameters or a resource (a {@code count=abc}, a broken body) 400;
 * anything else — our own failure — 500 with a fixed text, its stack trace logged without messages. Replaces HAPI's
 * default handling, so HAPI logs nothing itself: one {@link RequestLog} line per refusal.
 */
@Interceptor
public final class FhirExceptionMapper {

    static final String ROAD = "FHIR";
    static final String INTERNAL = "The request could not be processed; retry later or contact the French NCP "
            + "operator with the X-Correlation-Id of this answer";
    static final String UNREADABLE = "A parameter or the body of the request cannot be read as FHIR R4";
    private static final int MAX_DIAGNOSTICS = 300;
    /** Text no client needs and that may describe the server: exception names, stack frames, SQL. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)exception|\\bat [a-z]+\\.[a-z]|\\bjava\\.|\\bsql\\b|\\bselect\\b|\\binsert\\b|jdbc|hibernate");
    private static final Pattern HAPI_MESSAGE_CODE = Pattern.compile("HAPI-[0-9]+:\\s*");

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException answer(Throwable thrown, HttpServletRequest request) {
        // HAPI reports a body it could not read without its cause: the limit tells it was passed.
        BaseServerResponseException answer = BodyTooLarge.passedBy(request)
                .<BaseServerResponseException>map(FhirExceptionMapper::tooLarge).orElseGet(() -> decide(thrown));
        int status = answer.getStatusCode();
        // Passerelle's own refusals (a 503 when the health space is down included) are decisions, not failures.
        if (status >= 500 && FailureCauses.find(thrown, FhirRefusal.class).isEmpty()) {
            RequestLog.failed(ROAD, thrown);
        } else if (status >= 400) {
            RequestLog.refused(ROAD, status, codeOf(answer), ruleOf(answer));
        }
        return answer;
    }

    static BaseServerResponseException decide(Throwable thrown) {
        Optional<BodyTooLarge> tooLarge = BodyTooLarge.in(thrown);
        if (tooLarge.isPresent()) {
            return tooLarge(tooLarge.get().limitBytes());
        }
        Optional<FhirRefusal> ours = FailureCauses.find(thrown, FhirRefusal.class);
        if (ours.isPresent()) {
            return ours.get();
        }
        Optional<BaseServerResponseException> hapi = FailureCauses.find(thrown, BaseServerResponseException.class)
                .filter(e -> e.getStatusCode() < 500);
        if (hapi.isPresent()) {
            return hapi.get().getStatusCode() < 400 ? hapi.get() : retold(hapi.get());
        }
        if (readingTheRequest(thrown)) {
            return FhirRefusal.invalid(UNREADABLE);
        }
        return FhirRefusal.of(500, OperationOutcome.IssueType.EXCEPTION, null, null, INTERNAL);
    }

    /** A body read past the limit (a declared one is refused before HAPI, by {@code http.BodyLimitFilter}). */
    private static FhirRefusal tooLarge(long limitBytes) {
        return FhirRefusal.of(413, OperationOutcome.IssueType.TOOLONG, null, null, BodyTooLarge.reason(limitBytes));
    }

    /** HAPI's refusal of a malformed request, its message kept only when bounded and free of internals. */
    private static BaseServerResponseException retold(BaseServerResponseException hapi) {
        int status = hapi.getStatusCode();
        // HAPI numbers its messages ("HAPI-0302: …"): the number names the server software, the rest is kept.
        String message = HAPI_MESSAGE_CODE.matcher(Optional.ofNullable(hapi.getMessage()).orElse("")).replaceAll("")
                .trim();
        String safe = message.isBlank() || message.length() > MAX_DIAGNOSTICS || INTERNALS.matcher(message).find()
                ? "The request is not one this FHIR server answers (HTTP " + status + ")" : message;
        FhirRefusal refusal = FhirRefusal.of(status, typeOf(status), null, null, safe);
        Map<String, List<String>> headers = hapi.getResponseHeaders();
        if (headers != null) {
            headers.forEach((name, values) -> values.forEach(value -> refusal.addResponseHeader(name, value)));
        }
        return refusal;
    }

    /**
     * Thrown while HAPI read the request, not by Passerelle: a parse failure of HAPI's data types (anywhere), or a
     * number or argument HAPI could not bind (raised under HAPI's server code rather than under a provider — ours
     * would be a bug).
     */
    static boolean readingTheRequest(Throwable thrown) {
        return FailureCauses.of(thrown).anyMatch(t -> t instanceof DataFormatException
                || t instanceof IllegalArgumentException && !thrownByPasserelle(t));
    }

    /**
     * Whether the nearest caller that is Passerelle or HAPI's server is Passerelle: the filters in front of HAPI are
     * Passerelle's too, so only the frames above HAPI's own tell who raised it.
     */
    private static boolean thrownByPasserelle(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("fr.passerelle.")) {
                return true;
            }
            if (type.startsWith("ca.uhn.fhir.rest.server.")) {
                return false;
            }
        }
        return false;
    }

    private static OperationOutcome.IssueType typeOf(int status) {
        return switch (status) {
            case 401 -> OperationOutcome.IssueType.LOGIN;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 404, 410 -> OperationOutcome.IssueType.NOTFOUND;
            case 405, 406, 415, 501 -> OperationOutcome.IssueType.NOTSUPPORTED;
            case 409, 412 -> OperationOutcome.IssueType.CONFLICT;
            case 413 -> OperationOutcome.IssueType.TOOLONG;
            case 422 -> OperationOutcome.IssueType.PROCESSING;
            case 429 -> OperationOutcome.IssueType.THROTTLED;
            default -> OperationOutcome.IssueType.INVALID;
        };
    }

    private static String codeOf(BaseServerResponseException answer) {
        return issue(answer).flatMap(issue -> issue.getDetails().getCoding().stream()
                .filter(c -> FhirRefusal.EHDSI_ERROR_SYSTEM.equals(c.getSystem())).map(Coding::getCode).findFirst())
                .orElse("-");
    }

    private static String ruleOf(BaseServerResponseException answer) {
        return issue(answer).map(issue -> issue.getCode() == null ? "-" : issue.getCode().toCode()).orElse("-");
    }

    private static Optional<OperationOutcome.OperationOutcomeIssueComponent> issue(BaseServerResponseException e) {
        return e.getOperationOutcome() instanceof OperationOutcome outcome && outcome.hasIssue()
                ? Optional.of(outcome.getIssueFirstRep()) : Optional.empty();
    }

}

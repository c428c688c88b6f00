package fr.passerelle.gateway.logging;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What the gateway logs about a request it did not serve. A refusal — the client's mistake, or a request not
 * believed — is one line: road, HTTP status, the code sent (eHDSI code, or the protocol's own) and the rule that
 * refused, with the correlation id; never a stack trace, never request content. A failure of our own (a bug, a
 * dependency down) is logged with its stack trace, but without any exception message, since messages of deeper
 * exceptions may quote the request (identifiers, SQL with bound values).
 */
public final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final int MAX_CAUSES = 10;

    private RequestLog() {
    }

    /**
     * @param road   {@code SOAP}, {@code FHIR}, {@code API}…
     * @param status the HTTP status answered
     * @param code   the error code sent (eHDSI code or the protocol's), {@code -} when none
     * @param rule   why, in the audit trail's words when the road audits (e.g. {@code SOAP_MALFORMED})
     */
    public static void refused(String road, int status, String code, String rule) {
        LOG.atInfo()
                .addKeyValue("road", road)
                .addKeyValue("status", status)
                .addKeyValue("code", orDash(code))
                .addKeyValue("rule", orDash(rule))
                .log("refused road={} status={} code={} rule={} correlationId={}", road, status, orDash(code),
                        orDash(rule), orDash(MDC.get(CorrelationIdFilter.MDC_KEY)));
    }

    /** Our own failure, answered with a 5xx: the stack trace of every cause, their messages left out. */
    public static void failed(String road, Throwable failure) {
        LOG.error("failed road={} correlationId={}", road, orDash(MDC.get(CorrelationIdFilter.MDC_KEY)),
                withoutMessages(Objects.requireNonNull(failure, "failure"), 0));
    }

    /** A copy of the chain whose every link prints as its class name and keeps its stack frames. */
    static Throwable withoutMessages(Throwable failure, int depth) {
        Throwable cause = failure.getCause();
        Throwable copiedCause = cause != null && cause != failure && depth < MAX_CAUSES
                ? withoutMessages(cause, depth + 1) : null;
        Throwable copy = new Unquoted(failure.getClass().getName(), copiedCause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    /** Prints as the original exception's class name only. */
    private static final class Unquoted extends Throwable {
        private static final long serialVersionUID = 1L;

        Unquoted(String type, Throwable cause) {
            super(type, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}

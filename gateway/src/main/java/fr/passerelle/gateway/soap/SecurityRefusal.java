package fr.passerelle.gateway.soap;

import java.util.Objects;

/**
 * The requester is not believed (assertions missing, invalid, expired, replayed…): answered with a SOAP fault
 * (Sender / {@code wsse:FailedAuthentication} or {@code wsse:InvalidSecurity}), and nothing else of the request is read.
 *
 * @param kind   which WS-Security fault subcode applies
 * @param reason a short reason for the requesting NCP, without assertion content
 * @param rule   the check that failed, as the audit trail records it, e.g. {@code TRUST_SIGNATURE}
 * @param errorCode the eHDSI error code the reason carries
 */
public record SecurityRefusal(Kind kind, String reason, String rule, String errorCode) {

    /** The WS-Security 1.1 fault subcodes Passerelle answers with. */
    public enum Kind {
        /** No usable security header or assertion. */
        INVALID_SECURITY("InvalidSecurity"),
        /** Assertions present but not believed (signature, trust list, lifetime, audience, replay). */
        FAILED_AUTHENTICATION("FailedAuthentication");

        private final String wsseLocalName;

        Kind(String wsseLocalName) {
            this.wsseLocalName = wsseLocalName;
        }

        public String wsseLocalName() {
            return wsseLocalName;
        }
    }

    public SecurityRefusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(errorCode, "errorCode");
    }
}

package fr.passerelle.gateway.access;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import java.util.Objects;

/** The policy's answer, with the rule that decided it: both go into the audit trail. */
public sealed interface AccessDecision {

    DecidingRule rule();

    /**
     * Access allowed.
     *
     * @param maskedDocumentsVisible the patient let masked documents be shown in an emergency, and this is one
     */
    record Granted(DecidingRule rule, boolean maskedDocumentsVisible) implements AccessDecision {
        public Granted {
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** Access refused; {@code error} is what the road reports to the requesting NCP. */
    record Refused(DecidingRule rule, ExchangeError error) implements AccessDecision {
        public Refused {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(error, "error");
        }
    }
}

package fr.passerelle.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.security.login-throttle.*}: how many failed operator sign-ins (console form or HTTP Basic on
 * the operators' API) an account name, or a client address, may make before its next attempts are refused with 429
 * for the rest of the window. Counted per node, in bounded memory.
 *
 * @param accountFailures failures of one account name before it is held back (any name, known or not, so that
 *                        holding back tells nothing of which accounts exist)
 * @param addressFailures failures from one client address before it is held back (password spraying over names)
 * @param window          how long failures are remembered, counted from the last one
 * @param tracked         most account names and addresses remembered each; the oldest are forgotten first
 */
@ConfigurationProperties("passerelle.security.login-throttle")
public record LoginThrottleProperties(
        @DefaultValue("5") int accountFailures,
        @DefaultValue("20") int addressFailures,
        @DefaultValue("15m") Duration window,
        @DefaultValue("10000") int tracked) {

    public LoginThrottleProperties {
        if (accountFailures <= 0 || addressFailures <= 0 || tracked <= 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("passerelle.security.login-throttle.* must be positive");
        }
    }
}

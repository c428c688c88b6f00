package fr.passerelle.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throttle's counting: per account name, per address, reset by a success, in bounded memory. */
class LoginThrottleTest {

    @Test
    void anAccountIsHeldBackAtItsThresholdWhateverTheAddress() {
        LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(3, 100, Duration.ofMinutes(15), 1000));
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.heldBack("Alice", "10.0.0." + i)).isFalse();
            throttle.failed("alice", "10.0.0." + i);
        }
        assertThat(throttle.heldBack("ALICE", "10.0.0.99")).isTrue();
        assertThat(throttle.heldBack("bob", "10.0.0.99")).isFalse();
    }

    @Test
    void anAddressSprayingManyNamesIsHeldBack() {
        LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(100, 4, Duration.ofMinutes(15), 1000));
        for (int i = 0; i < 4; i++) {
            throttle.failed("name-" + i, "192.0.2.7");
        }
        assertThat(throttle.heldBack("yet-another-name", "192.0.2.7")).isTrue();
        assertThat(throttle.heldBack("yet-another-name", "192.0.2.8")).isFalse();
    }

    @Test
    void aSuccessClearsTheAccountsFailures() {
        LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(2, 100, Duration.ofMinutes(15), 1000));
        throttle.failed("carol", "10.0.0.1");
        throttle.succeeded("carol");
        throttle.failed("carol", "10.0.0.1");
        assertThat(throttle.heldBack("carol", "10.0.0.1")).isFalse();
    }

    @Test
    void aMillionNamesAreNotAMillionEntries() {
        LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(5, 1_000_000, Duration.ofMinutes(15),
                100));
        for (int i = 0; i < 100_000; i++) {
            throttle.failed("sprayed-" + i + "x".repeat(1_000), "10.1." + (i % 250) + ".1");
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(2 * 100 + 50);
    }
}

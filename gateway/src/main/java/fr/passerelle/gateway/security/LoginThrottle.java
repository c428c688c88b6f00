package fr.passerelle.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed operator sign-ins per account name and per client address, from Spring Security's authentication
 * events, and says when either has failed too often within the window. Memory is bounded: at most
 * {@code tracked} names and addresses each, forgotten a window after their last failure.
 */
@Component
public class LoginThrottle {

    /** Longer names are cut: a name is counted, never stored whole. */
    private static final int MAX_NAME = 256;

    private final LoginThrottleProperties properties;
    private final Cache<String, AtomicInteger> accounts;
    private final Cache<String, AtomicInteger> addresses;

    public LoginThrottle(LoginThrottleProperties properties) {
        this.properties = properties;
        this.accounts = Caffeine.newBuilder().maximumSize(properties.tracked())
                .expireAfterWrite(properties.window()).build();
        this.addresses = Caffeine.newBuilder().maximumSize(properties.tracked())
                .expireAfterWrite(properties.window()).build();
    }

    /** Whether an attempt for this account name, or from this address, is held back. */
    public boolean heldBack(String account, String address) {
        return count(accounts, key(account)) >= properties.accountFailures()
                || count(addresses, address) >= properties.addressFailures();
    }

    /** Seconds a held-back client should wait before trying again. */
    public long retryAfterSeconds() {
        return properties.window().toSeconds();
    }

    public void failed(String account, String address) {
        // put() restarts the window: the failures are remembered from the last one.
        increment(accounts, key(account));
        if (address != null) {
            increment(addresses, address);
        }
    }

    public void succeeded(String account) {
        accounts.invalidate(key(account));
    }

    /** How many account names and addresses are remembered (after pending evictions). */
    long tracked() {
        accounts.cleanUp();
        addresses.cleanUp();
        return accounts.estimatedSize() + addresses.estimatedSize();
    }

    /** A password sign-in that failed (patients' bearer tokens are not passwords and are not counted). */
    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            failed(attempt.getName(), addressOf(attempt.getDetails()));
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            succeeded(event.getAuthentication().getName());
        }
    }

    private static void increment(Cache<String, AtomicInteger> counters, String key) {
        AtomicInteger counter = counters.get(key, k -> new AtomicInteger());
        counter.incrementAndGet();
        counters.put(key, counter);
    }

    private static int count(Cache<String, AtomicInteger> counters, String key) {
        AtomicInteger counter = key == null ? null : counters.getIfPresent(key);
        return counter == null ? 0 : counter.get();
    }

    private static String key(String account) {
        String name = account == null ? "" : account.toLowerCase(Locale.ROOT);
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private static String addressOf(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}

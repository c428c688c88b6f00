package fr.passerelle.gateway.ratelimit;

import fr.passerelle.gateway.audit.AuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limiter on the shared database counters, and the gate the roads call. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, DataSource dataSource, Clock clock) {
        // Rows are kept for two windows so a node whose clock lags a little still counts in a live row.
        WindowCounter counter = new JdbcWindowCounter(dataSource, 2 * properties.window().toMillis());
        return new RateLimiter(properties, counter, clock);
    }

    @Bean
    RateLimitGate rateLimitGate(RateLimiter limiter, AuditTrail audit, MeterRegistry metrics) {
        return new RateLimitGate(limiter, audit, metrics);
    }
}

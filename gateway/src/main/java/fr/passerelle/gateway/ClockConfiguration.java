package fr.passerelle.gateway;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's one clock, in UTC. Every class that reads the time takes this bean by constructor instead of
 * falling back on the system clock itself, so a test that needs another time declares one {@code @Bean @Primary Clock}
 * (or passes its own clock to the constructor) and every class sees it. The libraries (trust, terminology,
 * translation) keep taking a {@link Clock} as a parameter and are given this one.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}

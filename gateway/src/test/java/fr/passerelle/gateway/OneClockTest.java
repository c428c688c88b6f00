package fr.passerelle.gateway;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import fr.passerelle.gateway.testsupport.ProductionClasses;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The gateway reads the time from one {@link Clock} bean ({@link ClockConfiguration}): no other class calls or
 * refers to a system clock (a {@code getIfAvailable(Clock::systemUTC)} fallback included), so a test's
 * {@code @Primary Clock} reaches every class.
 */
class OneClockTest {

    @Test
    void onlyTheClockConfigurationBuildsASystemClock() {
        JavaClasses gateway = ProductionClasses.passerelle().that(resideInAPackage("fr.passerelle.gateway.."));

        noClasses().that().doNotBelongToAnyOf(ClockConfiguration.class)
                .should().accessTargetWhere(DescribedPredicate.describe("a system clock", (JavaAccess<?> access) ->
                        access.getTargetOwner().isEquivalentTo(Clock.class) && access.getName().startsWith("system")))
                .because("the gateway's one clock is a bean, injected by constructor")
                .check(gateway);
    }

    /** Reads the time the way the gateway's classes do: the clock comes by constructor. */
    record TimeReader(Clock clock) {
    }

    @Configuration(proxyBeanMethods = false)
    static class FixedTime {
        static final Clock AT = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

        @Bean
        @Primary
        Clock testClock() {
            return AT;
        }
    }

    @Test
    void theOneClockIsUtcAndATestsPrimaryClockReplacesItForEveryReader() {
        ApplicationContextRunner gateway = new ApplicationContextRunner()
                .withUserConfiguration(ClockConfiguration.class).withBean(TimeReader.class);

        gateway.run(context -> assertThat(context.getBean(TimeReader.class).clock().getZone())
                .isEqualTo(ZoneOffset.UTC));
        gateway.withUserConfiguration(FixedTime.class).run(context -> assertThat(
                context.getBean(TimeReader.class).clock()).isSameAs(FixedTime.AT));
    }
}

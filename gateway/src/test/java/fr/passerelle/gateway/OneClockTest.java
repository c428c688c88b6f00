package fr.passerelle.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The gateway reads the time from one {@link Clock} bean ({@link ClockConfiguration}): no other class calls or
 * refers to a system clock (a {@code getIfAvailable(Clock::systemUTC)} fallback included), so a test's
 * {@code @Primary Clock} reaches every class.
 */
class OneClockTest {

    @Test
    void onlyTheClockConfigurationBuildsASystemClock() {
        JavaClasses gateway = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.passerelle.gateway");

        noClasses().that().doNotBelongToAnyOf(ClockConfiguration.class)
                .should().accessTargetWhere(DescribedPredicate.describe("a system clock", (JavaAccess<?> access) ->
                        access.getTargetOwner().isEquivalentTo(Clock.class) && access.getName().startsWith("system")))
                .because("the gateway's one clock is a bean, injected by constructor")
                .check(gateway);
    }
}

package fr.passerelle.gateway.healthspace.demo;

import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Selects the demo health space when {@code passerelle.health-space=demo} (the default) and seeds it while the
 * application starts, after Flyway, so the first request already finds the demo patients.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "passerelle.health-space", havingValue = "demo", matchIfMissing = true)
public class DemoHealthSpaceConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    DemoHealthSpaceSeeder demoHealthSpaceSeeder(DataSource dataSource, Clock clock) {
        DemoHealthSpaceSeeder seeder = new DemoHealthSpaceSeeder(dataSource, DemoDataResources.classpath(),
                clock);
        seeder.seed();
        return seeder;
    }

    @Bean
    NationalHealthSpace nationalHealthSpace(DataSource dataSource, Clock clock,
                                            DemoHealthSpaceSeeder seeded) {
        return new JdbcNationalHealthSpace(dataSource, clock);
    }
}

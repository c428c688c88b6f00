package fr.passerelle.gateway.audit.atna;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the exporter and runs it on a fixed delay when {@code passerelle.audit.atna.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "passerelle.audit.atna", name = "enabled", havingValue = "true")
public class AtnaExportConfiguration {

    @Bean
    AtnaExporter atnaExporter(DataSource dataSource, PlatformTransactionManager transactions,
                              AtnaProperties properties, Clock clock) {
        return new AtnaExporter(dataSource, transactions, properties, new SyslogTlsConnector(properties),
                clock);
    }

    @Bean
    AtnaExportSchedule atnaExportSchedule(AtnaExporter exporter) {
        return new AtnaExportSchedule(exporter);
    }

    /** The periodic run; a failed run is retried at the next tick, the outbox keeps everything meanwhile. */
    static final class AtnaExportSchedule {
        private final AtnaExporter exporter;

        AtnaExportSchedule(AtnaExporter exporter) {
            this.exporter = exporter;
        }

        @Scheduled(fixedDelayString = "${passerelle.audit.atna.interval:PT10S}")
        void run() {
            exporter.exportDue();
        }
    }
}

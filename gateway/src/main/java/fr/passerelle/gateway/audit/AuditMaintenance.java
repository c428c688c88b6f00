package fr.passerelle.gateway.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the retention purge periodically (every node may run it: the purge locks the chain head). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuditMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(AuditMaintenance.class);

    private final AuditRetention retention;

    public AuditMaintenance(AuditRetention retention) {
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${passerelle.audit.purge-interval:PT6H}")
    void purge() {
        PurgeResult result = retention.purgeExpired();
        if (result.purged() > 0) {
            LOG.info("Audit retention purge removed {} record(s); the chain now starts after record {}",
                    result.purged(), result.anchorSeq());
        }
    }
}

package fr.passerelle.gateway.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.audit.*}.
 *
 * @param retention      how long records are kept before the purge removes them (default ten years)
 * @param purgeInterval  how often the purge runs
 */
@ConfigurationProperties("passerelle.audit")
public record AuditProperties(@DefaultValue("P3650D") Duration retention,
                              @DefaultValue("PT6H") Duration purgeInterval) {
}

package fr.passerelle.gateway.audit.atna;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.audit.atna.*}: where and how to send ATNA messages.
 *
 * @param enabled           export at all (off in the demo defaults: there is no collector)
 * @param host              the collector (RFC 5425 syslog over TLS)
 * @param port              its port (6514 is the RFC 5425 port)
 * @param trustStore        PKCS#12 with the collector's CA; empty for the JVM's default trust
 * @param trustStorePassword its password
 * @param keyStore          PKCS#12 with this gateway's client certificate (ATNA asks for mutual TLS); optional
 * @param keyStorePassword  its password
 * @param retryDelay        how long a failed record waits before the next attempt
 * @param interval          how often the exporter looks at the outbox
 * @param batchSize         at most this many records per run
 * @param auditSourceId     AuditSourceID and AuditEnterpriseSiteID of the messages (this NCP)
 * @param hostname          the HOSTNAME field of the syslog header
 */
@ConfigurationProperties("passerelle.audit.atna")
public record AtnaProperties(@DefaultValue("false") boolean enabled,
                             @DefaultValue("localhost") String host,
                             @DefaultValue("6514") int port,
                             Path trustStore,
                             @DefaultValue("") String trustStorePassword,
                             Path keyStore,
                             @DefaultValue("") String keyStorePassword,
                             @DefaultValue("PT30S") Duration retryDelay,
                             @DefaultValue("PT10S") Duration interval,
                             @DefaultValue("100") int batchSize,
                             @DefaultValue("FR-NCPeH") String auditSourceId,
                             @DefaultValue("passerelle") String hostname) {
}

package fr.passerelle.gateway.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.audit.*}.
 *
 * @param retention      how long records are kept before the purge removes them (default ten years)
 * @param purgeInterval  how often the purge runs
 * @param batch          group commit of the records written outside a caller's transaction
 */
@ConfigurationProperties("passerelle.audit")
public record AuditProperties(@DefaultValue("P3650D") Duration retention,
                              @DefaultValue("PT6H") Duration purgeInterval,
                              @DefaultValue Batch batch) {

    /**
     * {@code passerelle.audit.batch.*}: records written with no transaction of the caller (the read roads) are
     * appended by one writer per node, many per transaction, because each commit waits for the disk flush while
     * holding the chain head lock.
     *
     * @param enabled       false: each such record commits alone, as before group commit
     * @param maxSize       at most this many records in one commit
     * @param queueCapacity records waiting for the writer; a caller finding it full waits (within {@code timeout})
     * @param timeout       how long a caller waits for its record to be committed before it fails
     */
    public record Batch(@DefaultValue("true") boolean enabled,
                        @DefaultValue("64") int maxSize,
                        @DefaultValue("4096") int queueCapacity,
                        @DefaultValue("PT10S") Duration timeout) {

        public static final Batch DEFAULTS = new Batch(true, 64, 4096, Duration.ofSeconds(10));

        public Batch {
            if (maxSize < 1 || maxSize > 10_000) {
                throw new IllegalArgumentException("passerelle.audit.batch.max-size must be between 1 and 10000");
            }
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("passerelle.audit.batch.queue-capacity must be at least 1");
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("passerelle.audit.batch.timeout must be positive");
            }
        }
    }
}

package fr.passerelle.gateway.node;

import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.catalogue.CatalogueStatistics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Announces this node at start and at every heartbeat, with the catalogue answering at that moment (so a
 * terminology reload on one node shows within one heartbeat). A database that does not answer only costs a log
 * line: the registry is for operators, not on any request's road.
 */
public class NodeHeartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final NodeRegistry registry;
    private final TerminologyCatalogue terminology;
    private final String nodeId;
    private final String host;
    private final String version;
    private final Instant startedAt;
    private final Clock clock;
    private final Duration forgetAfter;

    public NodeHeartbeat(NodeRegistry registry, TerminologyCatalogue terminology, String nodeId, String host,
                         String version, Clock clock, Duration forgetAfter) {
        this.registry = registry;
        this.terminology = terminology;
        this.nodeId = nodeId;
        this.host = host;
        this.version = version;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.forgetAfter = forgetAfter;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${passerelle.node.heartbeat:PT30S}")
    public void beat() {
        CatalogueStatistics statistics = terminology.statistics();
        try {
            registry.announce(new NodeRegistry.Announcement(nodeId, host, startedAt, version,
                    fingerprint(statistics), summary(statistics)));
            registry.forgetSeenBefore(clock.instant().minus(forgetAfter));
        } catch (RuntimeException e) {
            LOG.warn("Node registry not updated: {}", e.getMessage());
        }
    }

    public String nodeId() {
        return nodeId;
    }

    /** The same catalogue on two nodes gives the same fingerprint: it hashes what was loaded, not when. */
    static String fingerprint(CatalogueStatistics statistics) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(statistics.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    static String summary(CatalogueStatistics s) {
        return s.valueSets() + " value sets, " + s.concepts() + " concepts, " + s.mappedSourceCodes()
                + " mapped codes, " + s.designations() + " designations; sources " + String.join(", ", s.sources());
    }
}

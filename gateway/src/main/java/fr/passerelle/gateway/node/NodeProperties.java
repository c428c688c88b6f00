package fr.passerelle.gateway.node;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.node.*}.
 *
 * @param id         this node's name in the registry; empty: the host name and a random suffix, new at each start
 * @param heartbeat  how often the node refreshes its row
 * @param liveFor    a node not seen for this long is listed as gone
 * @param forgetAfter a node not seen for this long is removed from the registry
 */
@ConfigurationProperties("passerelle.node")
public record NodeProperties(@DefaultValue("") String id,
                             @DefaultValue("PT30S") Duration heartbeat,
                             @DefaultValue("PT2M") Duration liveFor,
                             @DefaultValue("P1D") Duration forgetAfter) {
}

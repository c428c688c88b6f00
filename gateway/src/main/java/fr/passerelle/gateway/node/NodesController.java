package fr.passerelle.gateway.node;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators ({@code /api/admin/**}, role OPERATOR): every node and whether the live ones agree on terminology. */
@RestController
@RequestMapping("/api/admin/nodes")
public class NodesController {

    private final NodeRegistry registry;
    private final NodeHeartbeat heartbeat;

    public NodesController(NodeRegistry registry, NodeHeartbeat heartbeat) {
        this.registry = registry;
        this.heartbeat = heartbeat;
    }

    /**
     * @param answeredBy             the node that answered this request
     * @param terminologyConsistent  every live node answers with the same catalogue
     */
    public record NodesView(String answeredBy, boolean terminologyConsistent, List<NodeState> nodes) {
    }

    @GetMapping
    public NodesView nodes() {
        List<NodeState> nodes = registry.nodes();
        long fingerprints = nodes.stream().filter(NodeState::live).map(NodeState::terminologyFingerprint)
                .distinct().count();
        return new NodesView(heartbeat.nodeId(), fingerprints <= 1, nodes);
    }
}

package fr.passerelle.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.catalogue.CatalogueIndex;
import fr.passerelle.terminology.catalogue.CatalogueStatistics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes announce themselves on one database: the operator's view lists both, says whether the live ones
 * answer with the same terminology, and tells a node that stopped beating from a live one.
 */
class NodeRegistryTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final CatalogueStatistics MVC_8 = new CatalogueStatistics(120, 9000, 8000, 700, 15000, 40,
            List.of("eHDSI MVC 8.2.0", "ANS 2024-06"));
    private static final CatalogueStatistics MVC_9 = new CatalogueStatistics(121, 9010, 8010, 700, 15000, 40,
            List.of("eHDSI MVC 9.0.0", "ANS 2024-06"));

    private static NodeRegistry.Announcement node(String id, CatalogueStatistics terminology) {
        return new NodeRegistry.Announcement(id, id + ".example", NOW.minusSeconds(600), "0.1.0",
                NodeHeartbeat.fingerprint(terminology), NodeHeartbeat.summary(terminology));
    }

    private static void clear(TestDatabase database) {
        JdbcClient.create(database.dataSource()).sql("DELETE FROM gateway_node").update();
    }

    @DatabaseTest
    void nodesOnTheSameCatalogueAgreeAndAReloadOnOneShowsAsDisagreement(TestDatabase database) {
        clear(database);
        NodeRegistry registry = new NodeRegistry(database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofMinutes(2));
        NodeHeartbeat self = new NodeHeartbeat(registry, TerminologyCatalogue.of(Path.of("."), CatalogueIndex.empty()),
                "node-a", "a.example", "0.1.0", Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1));
        NodesController controller = new NodesController(registry, self);

        registry.announce(node("node-a", MVC_8));
        registry.announce(node("node-b", MVC_8));
        NodesController.NodesView same = controller.nodes();

        assertThat(same.answeredBy()).isEqualTo("node-a");
        assertThat(same.nodes()).extracting(NodeState::nodeId).containsExactly("node-a", "node-b");
        assertThat(same.nodes()).allMatch(NodeState::live);
        assertThat(same.terminologyConsistent()).isTrue();
        assertThat(same.nodes().get(0).terminologySummary()).contains("eHDSI MVC 8.2.0");

        registry.announce(node("node-b", MVC_9));

        assertThat(controller.nodes().terminologyConsistent()).isFalse();
    }

    @DatabaseTest
    void aNodeThatStoppedBeatingIsListedAsGoneAndLeftOutOfTheComparison(TestDatabase database) {
        clear(database);
        NodeRegistry earlier = new NodeRegistry(database.dataSource(),
                Clock.fixed(NOW.minus(Duration.ofMinutes(10)), ZoneOffset.UTC), Duration.ofMinutes(2));
        NodeRegistry now = new NodeRegistry(database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofMinutes(2));
        earlier.announce(node("node-old", MVC_8));
        now.announce(node("node-new", MVC_9));

        List<NodeState> nodes = now.nodes();

        assertThat(nodes).extracting(NodeState::nodeId, NodeState::live)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node-new", true),
                        org.assertj.core.groups.Tuple.tuple("node-old", false));
        NodeHeartbeat self = new NodeHeartbeat(now, TerminologyCatalogue.of(Path.of("."), CatalogueIndex.empty()),
                "node-new", "new.example", "0.1.0", Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1));
        assertThat(new NodesController(now, self).nodes().terminologyConsistent()).isTrue();

        assertThat(now.forgetSeenBefore(NOW.minus(Duration.ofMinutes(5)))).isEqualTo(1);
        assertThat(now.nodes()).extracting(NodeState::nodeId).containsExactly("node-new");
    }

    @DatabaseTest
    void theHeartbeatAnnouncesTheCatalogueAnsweringNow(TestDatabase database) {
        clear(database);
        NodeRegistry registry = new NodeRegistry(database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofMinutes(2));
        TerminologyCatalogue catalogue = TerminologyCatalogue.of(Path.of("."), CatalogueIndex.empty());
        NodeHeartbeat heartbeat = new NodeHeartbeat(registry, catalogue, "node-h", "h.example", "0.1.0",
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1));

        heartbeat.beat();
        heartbeat.beat();

        assertThat(registry.nodes()).singleElement().satisfies(node -> {
            assertThat(node.nodeId()).isEqualTo("node-h");
            assertThat(node.terminologyFingerprint()).isEqualTo(NodeHeartbeat.fingerprint(catalogue.statistics()))
                    .isNotEqualTo(NodeHeartbeat.fingerprint(MVC_8));
        });
    }
}

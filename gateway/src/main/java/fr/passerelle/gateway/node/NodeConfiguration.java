package fr.passerelle.gateway.node;

import fr.passerelle.terminology.TerminologyCatalogue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The registry and this node's heartbeat. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class NodeConfiguration {

    @Bean
    NodeRegistry nodeRegistry(DataSource dataSource, NodeProperties properties, Clock clock) {
        return new NodeRegistry(dataSource, clock, properties.liveFor());
    }

    @Bean
    NodeHeartbeat nodeHeartbeat(NodeRegistry registry, TerminologyCatalogue terminology, NodeProperties properties,
                                ObjectProvider<BuildProperties> build, Clock clock) {
        String host = host();
        String id = properties.id().isBlank()
                ? host + "-" + UUID.randomUUID().toString().substring(0, 8) : properties.id();
        String version = Optional.ofNullable(build.getIfAvailable()).map(BuildProperties::getVersion)
                .orElseGet(() -> Optional.ofNullable(NodeConfiguration.class.getPackage().getImplementationVersion())
                        .orElse("development"));
        return new NodeHeartbeat(registry, terminology, id, host, version, clock,
                properties.forgetAfter());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}

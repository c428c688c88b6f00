/**
 * The trust module inside the gateway: builds the {@link fr.passerelle.trust.RequestValidator} from typed
 * {@code passerelle.trust.*} properties, keeps used assertion and message ids in the database for every node
 * ({@link fr.passerelle.gateway.trust.JdbcReplayStore}, Flyway V2), seeds a demo trust list and PKI at first start,
 * shows the loaded trust list to the operator, and offers the {@code trust verify} command (no Spring).
 */
package fr.passerelle.gateway.trust;

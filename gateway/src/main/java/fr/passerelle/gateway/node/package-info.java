/**
 * Which gateway nodes are running, and with what: each node records itself in table {@code gateway_node}
 * (Flyway V6) at start and every {@code passerelle.node.heartbeat} — its id, host, start time, application
 * version and a fingerprint of the terminology catalogue it answers with — so an operator sees from any node
 * ({@code GET /api/admin/nodes}) whether every live node runs the same catalogue. The terminology itself stays
 * loaded from files on each node (an immutable in-memory index); this table is how that node-local state is
 * made visible, not where it lives.
 */
package fr.passerelle.gateway.node;

/**
 * Fault tests (issue 11), run by failsafe after the jar is packaged: gateway nodes are child JVMs of the packaged
 * jar ({@link fr.passerelle.gateway.load.GatewayProcess}) on a private PostgreSQL cluster of their own
 * ({@link fr.passerelle.gateway.faults.PrivatePostgres}: initdb + pg_ctl on a free port, never the machine's shared
 * server), put under load by the load harness while a node is killed ({@code TwoNodesKillIT}) or the database is
 * restarted ({@code PostgresRestartIT}). The soak ({@code SoakIT}) runs on demand only.
 */
package fr.passerelle.gateway.faults;

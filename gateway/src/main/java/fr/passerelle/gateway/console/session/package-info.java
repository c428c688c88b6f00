/**
 * The consoles' sessions in the database (Spring Session JDBC, Flyway V8): any gateway node serves any console
 * request, no sticky sessions. Only the consoles open sessions; the protocol roads stay stateless.
 */
package fr.passerelle.gateway.console.session;

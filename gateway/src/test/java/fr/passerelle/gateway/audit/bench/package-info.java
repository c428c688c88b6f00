/** JMH measurements of the access decision and the audit trail, run through their main class (not unit tests). */
package fr.passerelle.gateway.audit.bench;

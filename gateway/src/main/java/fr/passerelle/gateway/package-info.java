/**
 * The Spring Boot application: wiring, the SOAP and FHIR roads, the access policy, consent, the national
 * health space, the audit trail, the consoles and the operator commands. One package per capability.
 */
package fr.passerelle.gateway;

/**
 * The access policy both roads (SOAP and FHIR) ask before answering a foreign professional: cross-border
 * consent plus the patient's own controls in the French health space give one {@link
 * fr.passerelle.gateway.access.AccessDecision} with the rule that decided and the eHDSI error code to report,
 * and {@link fr.passerelle.gateway.access.DocumentFilter} keeps masked documents out of every answer.
 */
package fr.passerelle.gateway.access;

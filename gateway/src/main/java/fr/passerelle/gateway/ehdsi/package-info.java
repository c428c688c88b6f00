/**
 * The eHDSI error-code catalogue every road answers a foreign NCP with ({@link ExchangeError}). Its own package,
 * depending on nothing of the gateway, because the access policy, the audit trail, the health-space connectors and
 * the roads all name these codes: kept inside {@code exchange} it tied those capabilities into package cycles.
 */
package fr.passerelle.gateway.ehdsi;


/**
 * The SOAP envelope every eHDSI service shares: SOAP 1.2 only, WS-Addressing checks and reply headers, the body
 * size limit, faults that never leak exception text, the eHDSI error-code catalogue, and the
 * {@link fr.passerelle.gateway.soap.TransactionResponder} seam through which each transaction hands its typed request
 * to trust, access policy, health space, translation and audit.
 */
package fr.passerelle.gateway.soap;

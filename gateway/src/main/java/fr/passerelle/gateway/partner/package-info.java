/**
 * What France expects of its partner NCPs on the SOAP road, and the deviations it may agree to tolerate from one
 * country while that country fixes its client: strict IHE/eHDSI by default, a typed leniency per partner country
 * ({@code passerelle.partners.<CC>.lenient}), each one logged at start and every use of it logged.
 */
package fr.passerelle.gateway.partner;

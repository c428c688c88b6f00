/**
 * Who may call what: deny by default; the patient API behind patient bearer tokens (OIDC, or the demo's local
 * dev issuer); the consoles behind operator accounts configured with hashed passwords; the protocol endpoints
 * ({@code /services/**} SOAP, {@code /fhir/**}) open to the network because every request carries its own signed
 * assertion, which the trust module checks; health, info and metrics open for probes.
 */
package fr.passerelle.gateway.security;

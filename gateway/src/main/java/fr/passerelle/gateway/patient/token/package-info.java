/**
 * Patient bearer tokens: which claims name the patient's INS, the decoder when no issuer is configured (refuses
 * every token), and the demo's local dev issuer — a key pair generated at start that signs short-lived patient
 * tokens, on only with the demo defaults (the demo health space) unless
 * {@code passerelle.patient.dev-issuer.enabled} says otherwise. Production uses the OIDC issuer of Mon Espace Santé through
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
 */
package fr.passerelle.gateway.patient.token;

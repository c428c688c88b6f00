/**
 * Believes or refuses a cross-border requester. Owns hardened XML parsing, the eHDSI SAML assertions
 * (HCP, TRC, NoK), XML signature verification, the trust list of countries and the replay guard. Knows
 * nothing of patients, documents or Spring.
 */
package fr.passerelle.trust;

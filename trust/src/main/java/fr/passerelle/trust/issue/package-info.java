/**
 * Issuing eHDSI assertions, for tests and the demo practitioner client: a demo PKI (a demo eHDSI CA and one
 * NCP signer per country, generated at test time or at the gateway's first start — never committed), the
 * {@link fr.passerelle.trust.issue.AssertionIssuer} that builds and signs HCP, TRC and NoK assertions in the shape
 * OpenNCP sends, and {@link fr.passerelle.trust.issue.SoapEnvelopes} to carry them in a WS-Security header.
 */
package fr.passerelle.trust.issue;

/**
 * Cross-border consent of French patients: the model (which countries, which documents, until when), its
 * versioned JDBC store (every change is a new version: who, when, what, through which channel) and the
 * deployment default that applies before a patient decided anything. Read on every access, never cached, so a
 * revocation holds on every gateway node at once.
 */
package fr.passerelle.gateway.consent;

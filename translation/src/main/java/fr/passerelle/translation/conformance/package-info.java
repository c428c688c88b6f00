/**
 * Conformance of the pivot documents Passerelle writes: an ISO Schematron (the eHDSI ART-DECOR runtime, or any
 * other) compiled once with the ISO skeleton on Saxon-HE, run on a document, its failed assertions returned as
 * typed {@link fr.passerelle.translation.conformance.Finding}s. Used by the test suite and by the gateway's
 * optional run-time check of outgoing pivots.
 */
package fr.passerelle.translation.conformance;

/**
 * The optional run-time check of outgoing eHDSI pivots against the eHDSI ART-DECOR runtime schematrons the agency
 * installs ({@code passerelle.conformance.*}): off, log (metrics and a log line per non-conformant pivot) or enforce
 * (a non-conformant pivot is refused with the eHDSI transcoding error instead of being sent).
 */
package fr.passerelle.gateway.conformance;

/**
 * The cross-border use cases both roads (SOAP XCPD/XCA/XDR and FHIR) call, so that no rule exists twice: identify
 * a patient, list their documents, retrieve one (pivot CDA, PDF level 1, FHIR IPS or MPD), record a dispensation.
 * Each takes a requester already believed by {@code trust} ({@link fr.passerelle.gateway.exchange.CrossBorderCall})
 * and a typed request, runs health space → access policy → masked-document filter → translation → audit trail,
 * and answers a sealed outcome carrying the result or the refusal with its eHDSI error code. Protocol shapes
 * (HL7v3, ebXML, FHIR) stay in the roads.
 */
package fr.passerelle.gateway.exchange;

/**
 * How the FHIR road says no: an OperationOutcome carrying the eHDSI error code, with the HTTP status of the kind
 * of refusal (401 not authenticated, 403 not allowed, 404 absent, 422 not processable, 400 malformed).
 */
package fr.passerelle.gateway.fhir.outcome;

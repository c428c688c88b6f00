/**
 * FHIR R4 terminology operations on the gateway's FHIR endpoint: {@code ConceptMap/$translate},
 * {@code CodeSystem/$lookup}, {@code ValueSet/$validate-code} and {@code ValueSet/$expand}, answered from the
 * live {@link fr.passerelle.terminology.Terminology}.
 */
package fr.passerelle.gateway.terminology.fhir;

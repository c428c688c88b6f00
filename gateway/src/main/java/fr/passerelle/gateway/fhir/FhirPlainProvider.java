package fr.passerelle.gateway.fhir;

/**
 * Marks a bean holding HAPI {@code @Operation}/{@code @Search} methods that are not tied to one resource type
 * (system-level operations); such beans are registered on the FHIR server as plain providers.
 */
public interface FhirPlainProvider {
}

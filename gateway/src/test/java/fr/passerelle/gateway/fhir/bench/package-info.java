/** On-demand load harness of the FHIR road ({@code $summary}); run via its main class, never as a unit test. */
package fr.passerelle.gateway.fhir.bench;

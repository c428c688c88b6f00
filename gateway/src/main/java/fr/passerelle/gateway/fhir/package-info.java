/**
 * The gateway's HAPI FHIR plain server at {@code /fhir/*}. Providers are Spring beans: any bean implementing
 * {@link ca.uhn.fhir.rest.server.IResourceProvider} or {@link fr.passerelle.gateway.fhir.FhirPlainProvider} is
 * registered, so adding an operation or resource is adding one bean.
 */
package fr.passerelle.gateway.fhir;

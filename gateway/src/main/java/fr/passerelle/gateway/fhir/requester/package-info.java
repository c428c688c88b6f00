/**
 * Who is asking on the FHIR road: a bearer JWT signed by a trusted country's NCP (IHE IUA spirit) or the HCP and
 * TRC SAML assertions of the SOAP road carried base64 in HTTP headers and validated by {@code trust}; both become
 * the one {@link fr.passerelle.trust.VerifiedRequester}, attached to the request by a HAPI interceptor. Refusals
 * leave as an OperationOutcome with the eHDSI error code and 401 or 403.
 */
package fr.passerelle.gateway.fhir.requester;

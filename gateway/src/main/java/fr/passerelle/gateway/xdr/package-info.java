/**
 * XDR Provide and Register Document Set-b (IHE ITI-41) as France's document recipient for eHDSI dispensations:
 * reads {@code ProvideAndRegisterDocumentSetRequest} into a {@link fr.passerelle.gateway.xdr.DispensationSubmission},
 * hands it to the {@link fr.passerelle.gateway.xdr.DispensationRoad}, writes the ebRS {@code RegistryResponse}.
 * Endpoint: {@code /services/xdr}.
 */
package fr.passerelle.gateway.xdr;

/**
 * XCA Cross Gateway Query (ITI-38) and Cross Gateway Retrieve (ITI-39) as France's responding gateway:
 * {@code AdhocQueryRequest} FindDocuments → {@link fr.passerelle.gateway.xca.DocumentQuery} →
 * {@code AdhocQueryResponse} with ebRIM ExtrinsicObjects; {@code RetrieveDocumentSetRequest} →
 * {@link fr.passerelle.gateway.xca.RetrieveRequest} → MTOM {@code RetrieveDocumentSetResponse} with per-document
 * {@code RegistryError}s. Endpoint: {@code /services/xca}.
 */
package fr.passerelle.gateway.xca;

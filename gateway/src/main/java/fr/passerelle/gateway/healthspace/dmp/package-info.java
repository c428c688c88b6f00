/**
 * The real French health space: the {@link fr.passerelle.gateway.healthspace.NationalHealthSpace} port over the DMP
 * (Mon Espace Santé) IHE XDS.b services, selected by {@code passerelle.health-space=dmp}. Owns the SOAP 1.2 client
 * (CXF Dispatch, mutual TLS), the signed VIHF token of every call, the XDS metadata mapping both ways, the patient
 * check (TD0.2), and the resilience around the DMP (timeouts, bulkhead, circuit breaker, retries of reads only) with
 * per-operation metrics. A DMP failure surfaces as {@link fr.passerelle.gateway.healthspace.dmp.DmpFailure}.
 * See {@code docs/dmp-connector.md}.
 */
package fr.passerelle.gateway.healthspace.dmp;

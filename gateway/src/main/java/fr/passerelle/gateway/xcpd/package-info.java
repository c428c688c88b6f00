/**
 * XCPD Cross Gateway Patient Discovery (IHE ITI-55) as France's responding gateway: reads
 * {@code PRPA_IN201305UV02} into a {@link fr.passerelle.gateway.xcpd.PatientDiscoveryQuery}, hands it to the
 * {@link fr.passerelle.gateway.xcpd.PatientDiscoveryRoad}, writes the {@code PRPA_IN201306UV02} answer (one match,
 * no match, or a refusal with HL7v3 {@code acknowledgementDetail} and the eHDSI error code). Endpoint:
 * {@code /services/xcpd}.
 */
package fr.passerelle.gateway.xcpd;

/**
 * FHIR R4 output: the International Patient Summary document {@code Bundle} (Composition first, every
 * reference resolvable inside the Bundle) and the HL7 Europe MPD shape of an ePrescription
 * ({@code MedicationRequest} + {@code Medication}). Codes go through {@code terminology} exactly as for the pivot.
 */
package fr.passerelle.translation.fhir;

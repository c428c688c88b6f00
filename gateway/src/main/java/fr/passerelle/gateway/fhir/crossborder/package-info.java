/**
 * The FHIR R4 cross-border road (MyHealth@EU NCPeH FHIR API, IPS, HL7 Europe MPD): Patient search, {@code $match}
 * and {@code $summary}, DocumentReference search, Bundle and Binary reads, MedicationRequest search and
 * MedicationDispense create. Providers are thin: decode FHIR, call the {@code exchange} use case, encode its
 * outcome; every rule lives in {@code exchange}, {@code access} and {@code trust}.
 */
package fr.passerelle.gateway.fhir.crossborder;

/**
 * French formats written by Passerelle: the eDISP-MED 2024.01 dispensation document, produced from an eHDSI
 * eDispensation received from abroad (or a FHIR MedicationDispense), linked to the French prescription line.
 */
package fr.passerelle.translation.fr;

/**
 * Documents: French CDA (VSM, IPS-FR, eP-MED-DM) into the eHDSI pivot CDA and FHIR IPS, and eHDSI
 * eDispensations back into French eDISP-MED, asking {@code terminology} for every code.
 */
package fr.passerelle.translation;

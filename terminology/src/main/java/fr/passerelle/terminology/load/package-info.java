/**
 * Loaders turning terminology files into a {@link fr.passerelle.terminology.catalogue.CatalogueIndex}: the MVC
 * FHIR package (.tgz), ANS SVS XML value sets, eHDSI coded-element list, concept maps (FHIR ConceptMap JSON or
 * CSV) and designations (FHIR CodeSystem supplement JSON or CSV). Every error names its file and line or entry.
 */
package fr.passerelle.terminology.load;

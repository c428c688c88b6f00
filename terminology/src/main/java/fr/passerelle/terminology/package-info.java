/**
 * Codes: the eHDSI Master Value Set Catalogue, the French value sets, national-to-pivot concept maps and
 * designations in several languages, held as an immutable in-memory index. Knows nothing of documents.
 */
package fr.passerelle.terminology;

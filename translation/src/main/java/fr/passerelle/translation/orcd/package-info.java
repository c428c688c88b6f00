/**
 * Original clinical documents (eHDSI OrCD): which French reports become which OrCD type, where the French document
 * already holds its own PDF copy, and the rendering of a structured-only report to PDF with the ANS stylesheet.
 */
package fr.passerelle.translation.orcd;

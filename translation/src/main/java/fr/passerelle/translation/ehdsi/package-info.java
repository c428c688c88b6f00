/**
 * The eHDSI pivot: writers of the Patient Summary and ePrescription pivot CDA (level 3, and the level-1 PDF
 * wrapper, the Original Clinical Document around a PDF), and the transcoding pass driven by the OpenNCP coded-element list, which replaces every national
 * code by its Master Value Set Catalogue code and keeps the national one as {@code <translation>}.
 */
package fr.passerelle.translation.ehdsi;

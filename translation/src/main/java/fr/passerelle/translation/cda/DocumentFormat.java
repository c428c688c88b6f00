package fr.passerelle.translation.cda;

import java.util.Arrays;
import java.util.List;

/**
 * The CDA formats this module reads, recognised by their template identifiers (the French CI-SIS volet
 * templates and the eHDSI document templates).
 */
public enum DocumentFormat {
    /** French "Volet de Synthèse Médicale" 1.4 (format code urn:asip:ci-sis:vsm:2012). */
    VSM("1.2.250.1.213.1.1.1.13"),
    /** French International Patient Summary IPS-FR 2024.01 (format code urn:ihe:pcc:ips:2020). */
    IPS_FR("1.2.250.1.213.1.1.1.51"),
    /** French ePrescription of medicines and devices eP-MED-DM 2024.01 (format code urn:ihe:pharm:pre:2010). */
    EP_MED_DM("1.2.250.1.213.1.1.1.39"),
    /** French dispensation eDISP-MED 2024.01 (format code urn:ihe:pharm:dis:2010). */
    EDISP_MED("1.2.250.1.213.1.1.1.54"),
    /** French laboratory report CR-BIO 2024.01 (IHE XD-LAB; format code urn:ihe:lab:xd-lab:2008). */
    CR_BIO("1.2.250.1.213.1.1.1.55"),
    /**
     * French discharge letter LDL-SES 2022.01 (lettre de liaison à la sortie d'un établissement de santé; format
     * code urn:asip:ci-sis:ldl-ses:2017).
     */
    LDL_SES("1.2.250.1.213.1.1.1.29"),
    /**
     * French imaging report CR-IMG 2024.01 (DICOM PS3.20 imaging report; format code
     * urn:ihe:rad:CDA:ImagingReportStructuredHeadings:2013).
     */
    CR_IMG("1.2.250.1.213.1.1.1.45"),
    /** eHDSI eDispensation pivot, level 3 (format code urn:epsos:ep:dis:2010). */
    EHDSI_EDISPENSATION("1.3.6.1.4.1.12559.11.10.1.3.1.1.2");

    private final String templateId;

    DocumentFormat(String templateId) {
        this.templateId = templateId;
    }

    public boolean isPatientSummary() {
        return this == VSM || this == IPS_FR;
    }

    /** A French report MyHealth@EU exchanges as an original clinical document (OrCD): the PDF of the original. */
    public boolean isOriginalClinicalDocument() {
        return this == CR_BIO || this == LDL_SES || this == CR_IMG;
    }

    /** The format whose template is among these, or null. */
    public static DocumentFormat fromTemplates(List<String> templateIds) {
        return Arrays.stream(values()).filter(f -> templateIds.contains(f.templateId)).findFirst().orElse(null);
    }
}

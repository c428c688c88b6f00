package fr.passerelle.translation.orcd;

import fr.passerelle.translation.cda.DocumentFormat;

/**
 * The eHDSI Original Clinical Document types (ART-DECOR runtime 2024-04-22) and the French volet each one is made
 * from. Each template's document code is bound to a one-code value set (eHDSILaboratoryReportType 42.52,
 * eHDSIHospitalDischargeReportType 42.53, eHDSIMedicalImagingReportType 42.54): code and display as listed there.
 */
public enum OrcdType {
    LABORATORY_RESULT(DocumentFormat.CR_BIO, "1.3.6.1.4.1.12559.11.10.1.3.1.1.8", "11502-2", "Laboratory report",
            "Laboratory Result"),
    HOSPITAL_DISCHARGE_REPORT(DocumentFormat.LDL_SES, "1.3.6.1.4.1.12559.11.10.1.3.1.1.9", "34105-7",
            "Hospital Discharge summary", "Hospital Discharge Report"),
    MEDICAL_IMAGING_REPORT(DocumentFormat.CR_IMG, "1.3.6.1.4.1.12559.11.10.1.3.1.1.10", "18748-4",
            "Diagnostic imaging study", "Medical Imaging Report");

    private final DocumentFormat source;
    private final String template;
    private final String loinc;
    private final String display;
    private final String title;

    OrcdType(DocumentFormat source, String template, String loinc, String display, String title) {
        this.source = source;
        this.template = template;
        this.loinc = loinc;
        this.display = display;
        this.title = title;
    }

    /** The OrCD type of a French format, or null when the format is not an original clinical document. */
    public static OrcdType of(DocumentFormat format) {
        for (OrcdType t : values()) {
            if (t.source == format) {
                return t;
            }
        }
        return null;
    }

    public DocumentFormat source() {
        return source;
    }

    public String template() {
        return template;
    }

    public String loinc() {
        return loinc;
    }

    public String display() {
        return display;
    }

    /** The English title written in the OrCD header (the French title stays in the PDF). */
    public String title() {
        return title;
    }
}

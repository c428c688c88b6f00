package fr.passerelle.gateway.healthspace.demo;

import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.DocumentKind;

/**
 * The ANS sample documents the demo data set derives from, with the XDS type and format codes the DMP records for
 * each (values from the ANS XDM examples, ansforge/interop-exemples-xdm).
 */
public enum FrenchSample {
    VSM("VSM_1.4_2022.01.xml", DocumentKind.PATIENT_SUMMARY,
            new Code("SYNTH", "1.2.250.1.213.1.1.4.12", "Synthèse"),
            new Code("urn:asip:ci-sis:vsm:2012", "1.2.250.1.213.1.1.4.12", "Synthèse médicale")),
    IPS_FR("IPS-FR_2024.01.xml", DocumentKind.PATIENT_SUMMARY,
            new Code("60591-5", Code.LOINC, "Synthèse médicale"),
            new Code("urn:ihe:pcc:ips:2020", "1.3.6.1.4.1.19376.1.2.3", "Synthèse médicale")),
    EP_MED_DM("eP-MED-DM_2024.01_PosoStruct.xml", DocumentKind.EPRESCRIPTION,
            new Code("57833-6", Code.LOINC, "Prescription de produits de santé"),
            new Code("urn:ihe:pharm:pre:2010", "1.2.250.1.213.1.1.4.2.282", "Prescription de produits de santé")),
    EDISP_MED("eDISP-MED_2024.01.xml", DocumentKind.EDISPENSATION,
            new Code("60593-1", Code.LOINC, "Dispensation médicamenteuse"),
            new Code("urn:ihe:pharm:dis:2010", "1.3.6.1.4.1.19376.1.2.3", "Dispensation médicamenteuse")),
    // The three reports come from fr-cda-orcd/; type codes from the CI-SIS JDV_J07_XdsTypeCode, format codes those
    // the CI-SIS volets give (CR-BIO: IHE XD-LAB; CR-IMG: IHE XDS-I imaging report; LDL-SES: the ANS volet's own).
    CR_BIO_TSH("BIO-CR-BIO_2024.01_TSH_1.xml", DocumentKind.LABORATORY_RESULT,
            new Code("11502-2", Code.LOINC, "CR d'examens biologiques"),
            new Code("urn:ihe:lab:xd-lab:2008", "1.3.6.1.4.1.19376.1.2.3", "CR d'examens biologiques")),
    LDL_SES("LDL-SES_2022.01.xml", DocumentKind.HOSPITAL_DISCHARGE_REPORT,
            new Code("11490-0", Code.LOINC, "Lettre de liaison à la sortie d'un établissement de soins"),
            new Code("urn:asip:ci-sis:ldl-ses:2017", "1.2.250.1.213.1.1.4.2.282",
                    "Lettre de liaison à la sortie d'un établissement de soins")),
    CR_IMG("IMG_CR_IMG_2024.01.xml", DocumentKind.MEDICAL_IMAGING_REPORT,
            new Code("18748-4", Code.LOINC, "CR d'imagerie médicale"),
            new Code("urn:ihe:rad:CDA:ImagingReportStructuredHeadings:2013", "1.3.6.1.4.1.19376.1.2.3",
                    "CR d'imagerie médicale"));

    private static final String CLASS_CODE_SYSTEM = Code.LOINC;

    private final String sourceFile;
    private final DocumentKind kind;
    private final Code typeCode;
    private final Code formatCode;

    FrenchSample(String sourceFile, DocumentKind kind, Code typeCode, Code formatCode) {
        this.sourceFile = sourceFile;
        this.kind = kind;
        this.typeCode = typeCode;
        this.formatCode = formatCode;
    }

    /** File name of the sample in ANS TestContenuCDA-3-0 {@code ExemplesCDA/}. */
    public String sourceFile() {
        return sourceFile;
    }

    public DocumentKind kind() {
        return kind;
    }

    /** The eHDSI class code: LOINC of the document kind (eHDSI XCA queries filter on it). */
    public Code classCode() {
        return new Code(kind.loincClassCode(), CLASS_CODE_SYSTEM, switch (kind) {
            case PATIENT_SUMMARY -> "Patient summary";
            case EPRESCRIPTION -> "Prescription for medication";
            case EDISPENSATION -> "Medication dispensed.brief";
            case LABORATORY_RESULT -> "Laboratory report";
            case HOSPITAL_DISCHARGE_REPORT -> "Hospital Discharge summary";
            case MEDICAL_IMAGING_REPORT -> "Diagnostic imaging study";
        });
    }

    public Code typeCode() {
        return typeCode;
    }

    public Code formatCode() {
        return formatCode;
    }
}

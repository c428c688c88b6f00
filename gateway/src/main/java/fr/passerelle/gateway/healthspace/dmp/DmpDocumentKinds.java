package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.DocumentKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which DMP documents are which kind of cross-border document, both ways: the type codes a FindDocuments query asks
 * for, and the kind of a listed entry read from its format code (then its type code). The DMP's own class codes
 * (1.2.250.1.213.1.1.4.1, e.g. {@code 11} "Synthèse") are French; the gateway lists the LOINC class of the kind.
 */
final class DmpDocumentKinds {

    /** TRE_A05 / JDV_J07 French document types (the older VSM carries {@code SYNTH}). */
    static final String FRENCH_TYPE_SYSTEM = "1.2.250.1.213.1.1.4.12";

    private static final Map<DocumentKind, List<Code>> TYPE_CODES = Map.of(
            DocumentKind.PATIENT_SUMMARY, List.of(new Code("60591-5", Code.LOINC, "Synthèse médicale"),
                    new Code("SYNTH", FRENCH_TYPE_SYSTEM, "Synthèse")),
            DocumentKind.EPRESCRIPTION, List.of(new Code("57833-6", Code.LOINC, "Prescription de produits de santé")),
            DocumentKind.EDISPENSATION, List.of(new Code("60593-1", Code.LOINC, "Dispensation médicamenteuse")),
            DocumentKind.LABORATORY_RESULT, List.of(new Code("11502-2", Code.LOINC, "CR d'examens biologiques")),
            // The DMP files an LDL-SES under 11490-0; its eHDSI class is 34105-7 (DocumentKind).
            DocumentKind.HOSPITAL_DISCHARGE_REPORT, List.of(new Code("11490-0", Code.LOINC,
                    "Lettre de liaison à la sortie d'un établissement de soins")),
            DocumentKind.MEDICAL_IMAGING_REPORT, List.of(new Code("18748-4", Code.LOINC, "CR d'imagerie médicale")));

    /** Format codes of the French CDA volets the NCP can transcode. */
    private static final Map<String, DocumentKind> FORMATS = Map.of(
            "urn:asip:ci-sis:vsm:2012", DocumentKind.PATIENT_SUMMARY,
            "urn:ihe:pcc:ips:2020", DocumentKind.PATIENT_SUMMARY,
            "urn:ihe:pharm:pre:2010", DocumentKind.EPRESCRIPTION,
            "urn:ihe:pharm:dis:2010", DocumentKind.EDISPENSATION,
            "urn:ihe:lab:xd-lab:2008", DocumentKind.LABORATORY_RESULT,
            "urn:asip:ci-sis:ldl-ses:2017", DocumentKind.HOSPITAL_DISCHARGE_REPORT,
            "urn:ihe:rad:CDA:ImagingReportStructuredHeadings:2013", DocumentKind.MEDICAL_IMAGING_REPORT);

    /** The format code of a submitted eDispensation (IHE PHARM DIS, code system of IHE format codes). */
    static final Code DISPENSATION_FORMAT = new Code("urn:ihe:pharm:dis:2010", "1.3.6.1.4.1.19376.1.2.3",
            "Dispensation médicamenteuse");
    /** The French class code of a dispensation. */
    static final Code DISPENSATION_CLASS = new Code("43", "1.2.250.1.213.1.1.4.1", "Dispensation");

    private DmpDocumentKinds() {
    }

    static List<Code> typeCodes(DocumentKind kind) {
        return TYPE_CODES.get(kind);
    }

    /** The kind of a DMP entry: by format code, else by type code; empty for documents not exchanged abroad. */
    static Optional<DocumentKind> kindOf(Code formatCode, Code typeCode) {
        DocumentKind byFormat = formatCode == null ? null : FORMATS.get(formatCode.code());
        if (byFormat != null) {
            return Optional.of(byFormat);
        }
        return TYPE_CODES.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(code -> code.sameCodeAs(typeCode)))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The LOINC class the gateway lists for a kind (the kind's class code, named as the DMP names its type). */
    static Code loincClass(DocumentKind kind) {
        Code type = TYPE_CODES.get(kind).stream().filter(c -> c.codeSystem().equals(Code.LOINC)).findFirst()
                .orElseThrow();
        return type.code().equals(kind.loincClassCode()) ? type
                : new Code(kind.loincClassCode(), Code.LOINC, type.display());
    }
}

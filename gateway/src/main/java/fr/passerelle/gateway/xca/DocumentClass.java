package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.healthspace.DocumentKind;
import java.util.Arrays;
import java.util.Optional;

/**
 * The document classes an eHDSI XCA query may ask France for (LOINC class codes, displays of the eHDSI MVC), each
 * with the kind of French document it lists and the eHDSI format code of what is returned.
 */
public enum DocumentClass {
    PATIENT_SUMMARY("60591-5", "Patient Summary", DocumentKind.PATIENT_SUMMARY,
            new XdsCode("urn:epSOS:ps:ps:2010", "eHDSI formatCodes", "eHDSI coded Patient Summary")),
    EPRESCRIPTION("57833-6", "ePrescription", DocumentKind.EPRESCRIPTION,
            new XdsCode("urn:epSOS:ep:pre:2010", "eHDSI formatCodes", "eHDSI coded ePrescription")),
    // Original clinical documents: an eHDSI header around the original as PDF (IHE XDS-SD).
    LABORATORY_RESULT("11502-2", "Laboratory report", DocumentKind.LABORATORY_RESULT, Formats.ORIGINAL),
    HOSPITAL_DISCHARGE_REPORT("34105-7", "Hospital Discharge summary", DocumentKind.HOSPITAL_DISCHARGE_REPORT,
            Formats.ORIGINAL),
    MEDICAL_IMAGING_REPORT("18748-4", "Diagnostic imaging study", DocumentKind.MEDICAL_IMAGING_REPORT,
            Formats.ORIGINAL);

    public static final String LOINC = "2.16.840.1.113883.6.1";

    private final String loincCode;
    private final String displayName;
    private final DocumentKind kind;
    private final XdsCode format;

    DocumentClass(String loincCode, String displayName, DocumentKind kind, XdsCode format) {
        this.loincCode = loincCode;
        this.displayName = displayName;
        this.kind = kind;
        this.format = format;
    }

    public String loincCode() {
        return loincCode;
    }

    public XdsCode asCode() {
        return new XdsCode(loincCode, LOINC, displayName);
    }

    /** The kind of French document this class lists. */
    public DocumentKind kind() {
        return kind;
    }

    /** The format code of the eHDSI document served for this class (level 3, or the OrCD). */
    public XdsCode format() {
        return format;
    }

    public static Optional<DocumentClass> ofLoinc(String code) {
        return Arrays.stream(values()).filter(c -> c.loincCode.equals(code)).findFirst();
    }

    /** The classes served, as a reader would list them: "60591-5 (Patient Summary), 57833-6 (ePrescription), …". */
    public static String served() {
        return Arrays.stream(values()).map(c -> c.loincCode + " (" + c.displayName + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The class a listable kind is listed under. */
    public static DocumentClass of(DocumentKind kind) {
        return Arrays.stream(values()).filter(c -> c.kind == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(kind + " is not listed through XCA"));
    }

    /** The IHE PCC format code of a PDF under a CDA header (the level 1 and the original clinical documents). */
    static final class Formats {
        static final XdsCode ORIGINAL = new XdsCode("urn:ihe:iti:xds-sd:pdf:2008", "IHE PCC", "PDF/A coded document");

        private Formats() {
        }
    }
}

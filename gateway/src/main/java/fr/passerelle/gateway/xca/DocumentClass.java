package fr.passerelle.gateway.xca;

import java.util.Arrays;
import java.util.Optional;

/** The document classes an eHDSI XCA query may ask France for (LOINC class codes). */
public enum DocumentClass {
    PATIENT_SUMMARY("60591-5", "Patient Summary"),
    EPRESCRIPTION("57833-6", "ePrescription");

    public static final String LOINC = "2.16.840.1.113883.6.1";

    private final String loincCode;
    private final String displayName;

    DocumentClass(String loincCode, String displayName) {
        this.loincCode = loincCode;
        this.displayName = displayName;
    }

    public String loincCode() {
        return loincCode;
    }

    public XdsCode asCode() {
        return new XdsCode(loincCode, LOINC, displayName);
    }

    public static Optional<DocumentClass> ofLoinc(String code) {
        return Arrays.stream(values()).filter(c -> c.loincCode.equals(code)).findFirst();
    }
}

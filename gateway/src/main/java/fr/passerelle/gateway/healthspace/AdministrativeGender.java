package fr.passerelle.gateway.healthspace;

import java.util.Arrays;

/** HL7 administrative gender (code system 2.16.840.1.113883.5.1) as French documents carry it. */
public enum AdministrativeGender {
    FEMALE("F"),
    MALE("M"),
    UNDIFFERENTIATED("UN");

    private final String code;

    AdministrativeGender(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AdministrativeGender fromCode(String code) {
        return Arrays.stream(values()).filter(gender -> gender.code.equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown administrative gender code: " + code));
    }
}

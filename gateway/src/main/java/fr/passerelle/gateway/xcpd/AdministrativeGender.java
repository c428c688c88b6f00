package fr.passerelle.gateway.xcpd;

import java.util.Arrays;
import java.util.Optional;

/** HL7 AdministrativeGender (2.16.840.1.113883.5.1). */
public enum AdministrativeGender {
    MALE("M"), FEMALE("F"), UNDIFFERENTIATED("UN");

    public static final String CODE_SYSTEM = "2.16.840.1.113883.5.1";

    private final String code;

    AdministrativeGender(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AdministrativeGender> ofCode(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst();
    }
}

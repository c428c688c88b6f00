package fr.passerelle.gateway.healthspace;

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
        for (AdministrativeGender gender : values()) {
            if (gender.code.equalsIgnoreCase(code)) {
                return gender;
            }
        }
        throw new IllegalArgumentException("Unknown administrative gender code: " + code);
    }
}

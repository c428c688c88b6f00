package fr.passerelle.gateway.healthspace;

/** Confidentiality codes of Mon Espace Santé document metadata (besides the HL7 N/R/V levels). */
public final class Confidentiality {

    /** The code system of the French visibility codes. */
    public static final String FRENCH_CODE_SYSTEM = "1.2.250.1.213.1.1.4.13";
    /** The HL7 Confidentiality code system. */
    public static final String HL7_CODE_SYSTEM = "2.16.840.1.113883.5.25";

    /** Hidden from health professionals (the patient masked it). */
    public static final Code MASQUE_PS = new Code("MASQUE_PS", FRENCH_CODE_SYSTEM, "Masqué aux professionnels de santé");
    public static final Code INVISIBLE_REPRESENTANTS_LEGAUX = new Code("INVISIBLE_REPRESENTANTS_LEGAUX",
            FRENCH_CODE_SYSTEM, "Non visible par les représentants légaux du patient");
    public static final Code INVISIBLE_PATIENT = new Code("INVISIBLE_PATIENT", FRENCH_CODE_SYSTEM,
            "Non visible par le patient");
    public static final Code NORMAL = new Code("N", HL7_CODE_SYSTEM, "Normal");

    private Confidentiality() {
    }
}

package fr.passerelle.gateway.console.demo;

import fr.passerelle.trust.assertion.PurposeOfUse;
import fr.passerelle.trust.issue.HcpClaims;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A demo identity the page can act as: what its HCP assertion will say. Ids and organisations are per country so
 * the audit trail shows who asked from where.
 *
 * @param key         form value
 * @param label       what the form shows
 * @param roleCode    ISCO-08 role
 * @param roleDisplay ISCO-08 display
 * @param purpose     purpose of use carried by both assertions
 */
public record DemoPractitioner(String key, String label, String roleCode, String roleDisplay, PurposeOfUse purpose) {

    /** Every eHDSI permission a treating professional's NCP grants (as the OpenNCP demo identities carry). */
    private static final List<String> PERMISSIONS = List.of("PRD-003", "PRD-004", "PRD-005", "PRD-006", "PRD-010",
            "PRD-016", "PPD-032", "PPD-033", "PPD-046");

    public static final List<DemoPractitioner> ALL = List.of(
            new DemoPractitioner("doctor", "General practitioner — treatment", "221", "Medical Doctors",
                    PurposeOfUse.TREATMENT),
            new DemoPractitioner("emergency", "Emergency physician — EMERGENCY access", "221", "Medical Doctors",
                    PurposeOfUse.EMERGENCY),
            new DemoPractitioner("nurse", "Nurse — treatment", "222", "Nursing and Midwifery Professionals",
                    PurposeOfUse.TREATMENT),
            new DemoPractitioner("pharmacist", "Pharmacist — treatment", "2262", "Pharmacists",
                    PurposeOfUse.TREATMENT));

    public static java.util.Optional<DemoPractitioner> byKey(String key) {
        return ALL.stream().filter(p -> p.key.equals(key)).findFirst();
    }

    /** The person's name in {@code country}'s demo staff. */
    public String name(String country) {
        return switch (country) {
            case "ES" -> key.equals("pharmacist") ? "Carmen Ruiz" : key.equals("nurse") ? "Javier Moreno"
                    : "Lucía Fernández";
            case "IT" -> key.equals("pharmacist") ? "Giulia Bianchi" : key.equals("nurse") ? "Luca Romano"
                    : "Marco Rossi";
            case "DE" -> key.equals("pharmacist") ? "Jonas Weber" : key.equals("nurse") ? "Lena Fischer"
                    : "Anna Schneider";
            default -> "Demo " + roleDisplay;
        };
    }

    /** The HCP claims of this practitioner working for {@code country}'s demo hospital, valid one hour. */
    public HcpClaims claims(String country) {
        String cc = country.toLowerCase(Locale.ROOT);
        return new HcpClaims(key + "@demo-hospital." + cc + ".demo", name(country), roleCode, roleDisplay,
                "Demo Hospital " + country, "urn:hl7ii:1.2.3.4:" + country + "-HOSP-1",
                key.equals("pharmacist") ? "Pharmacy" : "Hospital", "Demo point of care " + country,
                "urn:oid:1.2.3.4." + country.hashCode(), purpose, PERMISSIONS, Duration.ofHours(1));
    }
}

package fr.passerelle.terminology;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The two spellings of well-known code systems: the OID HL7 CDA carries and the canonical URI FHIR carries, and
 * the repair of the broken system URIs found in published packages. Pure functions, no state beyond constants.
 */
public final class CodeSystems {

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED_CT = "http://snomed.info/sct";
    public static final String ATC = "http://www.whocc.no/atc";
    public static final String EDQM = "http://standardterms.edqm.eu";
    public static final String ICD_10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String ISO_3166 = "urn:iso:std:iso:3166";
    public static final String ORPHANET = "https://www.orpha.net";
    public static final String BCP_47 = "urn:ietf:bcp:47";
    public static final String ISCO_08 = "urn:oid:2.16.840.1.113883.2.9.6.2.7";
    public static final String EMA_SPOR_SUBSTANCE = "https://spor.ema.europa.eu/v2/SubstanceDefinition";

    private static final Map<String, String> URI_BY_OID = new HashMap<>();
    private static final Map<String, String> OID_BY_URI = new HashMap<>();

    static {
        known("2.16.840.1.113883.6.1", LOINC);
        known("2.16.840.1.113883.6.96", SNOMED_CT);
        known("2.16.840.1.113883.6.73", ATC);
        known("0.4.0.127.0.16.1.1.2.1", EDQM);
        // French documents code CIM-10 (ATIH's ICD-10 modification) with the WHO ICD-10 OID; CIM-10 keeps the
        // ICD-10 codes, so both OIDs name one system; eHDSI pivot documents use the eHDSI OID.
        URI_BY_OID.put("2.16.840.1.113883.6.3", ICD_10);
        known("1.3.6.1.4.1.12559.11.10.1.3.1.44.2", ICD_10);
        known("2.16.840.1.113883.6.8", UCUM);
        known("1.0.3166.1.2.2", ISO_3166);
        known("1.3.6.1.4.1.12559.11.10.1.3.1.44.5", ORPHANET);
        known("2.16.840.1.113883.6.121", BCP_47);
        known("2.16.840.1.113883.5.1008", "http://terminology.hl7.org/CodeSystem/v3-NullFlavor");
        known("2.16.840.1.113883.5.25", "http://terminology.hl7.org/CodeSystem/v3-Confidentiality");
        known("2.16.840.1.113883.5.1", "http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender");
        known("2.16.840.1.113883.5.111", "http://terminology.hl7.org/CodeSystem/v3-RoleCode");
        known("2.16.840.1.113883.5.110", "http://terminology.hl7.org/CodeSystem/v3-RoleClass");
        known("2.16.840.1.113883.5.88", "http://terminology.hl7.org/CodeSystem/v3-ParticipationFunction");
        known("2.16.840.1.113883.5.90", "http://terminology.hl7.org/CodeSystem/v3-ParticipationType");
        known("2.16.840.1.113883.5.1119", "http://terminology.hl7.org/CodeSystem/v3-AddressUse");
        known("2.16.840.1.113883.5.139", "http://terminology.hl7.org/CodeSystem/v3-TimingEvent");
        known("2.16.840.1.113883.5.1070", "http://terminology.hl7.org/CodeSystem/v3-substanceAdminSubstitution");
        known("2.16.840.1.113883.5.83", "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation");
        known("2.16.840.1.113883.5.4", "http://terminology.hl7.org/CodeSystem/v3-ActCode");
        known("2.16.840.1.113883.5.25", "http://terminology.hl7.org/CodeSystem/v3-Confidentiality");
        known("2.16.840.1.113883.5.1", "http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender");
        known("2.16.840.1.113883.5.14", "http://terminology.hl7.org/CodeSystem/v3-ActStatus");
        known("2.16.840.1.113883.5.1063", "http://terminology.hl7.org/CodeSystem/v3-ObservationValue");
        known("2.16.840.1.113883.4.642.4.1371", "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification");
        known("2.16.840.1.113883.4.642.4.1373", "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical");
        known("2.16.840.1.113883.4.642.4.1074", "http://terminology.hl7.org/CodeSystem/condition-clinical");
        // condition-ver-status: FHIR's OID is 4.642.4.1075, but the eHDSI runtime (eHDSICertainty 42.64, ART-DECOR
        // 2024-04-22) and the CI-SIS write 4.642.1.1075, and CDA pivots are validated against eHDSI's: both OIDs
        // name the system, a pivot gets eHDSI's.
        URI_BY_OID.put("2.16.840.1.113883.4.642.4.1075", "http://terminology.hl7.org/CodeSystem/condition-ver-status");
        known("2.16.840.1.113883.4.642.1.1075", "http://terminology.hl7.org/CodeSystem/condition-ver-status");
        known("2.16.840.1.113883.4.642.4.130", "http://hl7.org/fhir/allergy-intolerance-criticality");
        known("2.16.840.1.113883.5.7", "http://terminology.hl7.org/CodeSystem/v3-ActPriority");
        known("2.16.840.1.113883.6.347", "http://id.who.int/icd/release/11/mms");
        known("2.16.840.1.113883.6.254", "http://hl7.org/fhir/sid/icf-nl");
        known("2.16.840.1.113883.6.139", "http://hl7.org/fhir/sid/icpc-2");
        known("2.16.840.1.113883.3.6905.2", EMA_SPOR_SUBSTANCE);
    }

    private CodeSystems() {
    }

    private static void known(String oid, String uri) {
        URI_BY_OID.put(oid, uri);
        OID_BY_URI.put(uri, oid);
    }

    /**
     * The canonical URI for a system given as OID ({@code 2.16.840.1.113883.6.1}), {@code urn:oid:} URI or URI.
     * OIDs without a well-known URI become {@code urn:oid:<oid>}; other URIs are repaired ({@link #repair}).
     */
    public static String canonicalUri(String system) {
        String s = system.strip();
        String oid = s.startsWith("urn:oid:") ? s.substring(8) : (isOid(s) ? s : null);
        if (oid != null) {
            String uri = URI_BY_OID.get(oid);
            return uri != null ? uri : "urn:oid:" + oid;
        }
        return repair(s);
    }

    /** The OID of a system, if it is given as one or is a well-known system. */
    public static Optional<String> oid(String system) {
        String s = system.strip();
        if (s.startsWith("urn:oid:")) {
            return Optional.of(s.substring(8));
        }
        if (isOid(s)) {
            return Optional.of(s);
        }
        return Optional.ofNullable(OID_BY_URI.get(repair(s)));
    }

    /**
     * Repairs system URIs as found in published packages: a trailing slash ({@code http://unitsofmeasure.org/}),
     * a link to the HTML page of a code system instead of its canonical URI
     * ({@code http://terminology.hl7.org/5.3.0/CodeSystem-ISO3166Part1.html}), {@code http} vs {@code https}
     * for the URIs the FHIR registry spells one way, and surrounding blanks.
     */
    public static String repair(String uri) {
        String s = uri.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://terminology.hl7.org/") || lower.startsWith("https://terminology.hl7.org/")) {
            String page = s.substring(s.lastIndexOf('/') + 1);
            if (page.endsWith(".html")) {
                String name = page.substring(0, page.length() - 5);
                if (name.startsWith("CodeSystem-")) {
                    name = name.substring("CodeSystem-".length());
                }
                if (name.equalsIgnoreCase("ISO3166Part1") || name.equalsIgnoreCase("iso3166-1-2")) {
                    return ISO_3166;
                }
                return "http://terminology.hl7.org/CodeSystem/" + name;
            }
        }
        while (s.endsWith("/") && s.indexOf("://") > 0) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.equals("https://loinc.org")) {
            return LOINC;
        }
        if (s.equals("https://snomed.info/sct")) {
            return SNOMED_CT;
        }
        if (s.equals("http://www.orpha.net")) {
            return ORPHANET;
        }
        return s;
    }

    /** Whether the text is a bare OID (digits separated by single dots). */
    public static boolean isOid(String s) {
        if (s.isEmpty() || !Character.isDigit(s.charAt(0)) || !Character.isDigit(s.charAt(s.length() - 1))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (s.charAt(i - 1) == '.') {
                    return false;
                }
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}

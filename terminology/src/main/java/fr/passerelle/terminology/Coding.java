package fr.passerelle.terminology;

import java.util.Objects;

/**
 * One coded value: the code system (an OID such as {@code 2.16.840.1.113883.6.1} or a canonical URI such as
 * {@code http://loinc.org}), the code, and an optional display.
 *
 * <p>Two codings name the same concept when their {@link #canonicalSystem()} and code are equal, whichever
 * spelling of the system each uses; see {@link CodeSystems}.
 */
public record Coding(String system, String code, String display) {

    public Coding {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(code, "code");
    }

    public static Coding of(String system, String code) {
        return new Coding(system, code, null);
    }

    /** The canonical URI of this coding's system (OIDs of well-known systems become their FHIR URI). */
    public String canonicalSystem() {
        return CodeSystems.canonicalUri(system);
    }

    /** The OID of this coding's system, when it has one (HL7 CDA needs OIDs). */
    public java.util.Optional<String> systemOid() {
        return CodeSystems.oid(system);
    }

    /** The same coding with its system as canonical URI. */
    public Coding withCanonicalSystem() {
        String canonical = canonicalSystem();
        return canonical.equals(system) ? this : new Coding(canonical, code, display);
    }

    public Coding withDisplay(String newDisplay) {
        return new Coding(system, code, newDisplay);
    }
}

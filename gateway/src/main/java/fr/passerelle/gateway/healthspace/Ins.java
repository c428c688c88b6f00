package fr.passerelle.gateway.healthspace;

import fr.passerelle.trust.hl7.Cx;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Identité Nationale de Santé: the French national health identifier, an OID naming its kind and the value.
 *
 * @param oid   one of {@link #NIR}, {@link #NIA}, {@link #TEST_NIR}, {@link #DEMO_NIR}
 * @param value the matricule (15 characters for a NIR)
 */
public record Ins(String oid, String value) {

    /** INS-NIR, the patient's social security number as health identifier. */
    public static final String NIR = "1.2.250.1.213.1.4.8";
    /** INS-NIA, the temporary identifier given while a NIR is being assigned. */
    public static final String NIA = "1.2.250.1.213.1.4.9";
    /** Test NIR, used by test and demonstration identities (the demo patients use this). */
    public static final String TEST_NIR = "1.2.250.1.213.1.4.10";
    /** Demonstration NIR. */
    public static final String DEMO_NIR = "1.2.250.1.213.1.4.11";

    public static final Set<String> KNOWN_OIDS = Set.of(NIR, NIA, TEST_NIR, DEMO_NIR);
    /**
     * The longest value accepted: a matricule has 15 characters; 32 is what every store of the gateway keeps (the
     * health space's column), so an over-long identifier from a request is refused where it enters, never by a
     * database insert.
     */
    public static final int MAX_VALUE_LENGTH = 32;

    public Ins {
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(value, "value");
        if (!KNOWN_OIDS.contains(oid)) {
            throw new IllegalArgumentException("Not an INS assigning authority: " + oid);
        }
        if (value.isBlank() || value.length() > MAX_VALUE_LENGTH
                || !value.chars().allMatch(c -> Character.isLetterOrDigit(c))) {
            throw new IllegalArgumentException("An INS value is 1 to " + MAX_VALUE_LENGTH + " letters and digits");
        }
    }

    /** Whether an OID names an INS (so a cross-border identifier can be read as one). */
    public static boolean isInsOid(String oid) {
        return oid != null && KNOWN_OIDS.contains(oid);
    }

    /** The INS a CX names, when its assigning authority is an INS OID and its identifier a valid INS value. */
    public static Optional<Ins> of(Cx cx) {
        if (!isInsOid(cx.assigningAuthority())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Ins(cx.assigningAuthority(), cx.id()));
        } catch (IllegalArgumentException notAnIns) {
            return Optional.empty();
        }
    }

    /** This INS as an HL7 CX, {@code value^^^&oid&ISO}. */
    public Cx asCx() {
        return new Cx(value, oid);
    }

    /** Never the value itself: INS must not reach logs. */
    @Override
    public String toString() {
        return "Ins[" + oid + ", ***" + (value.length() > 2 ? value.substring(value.length() - 2) : "") + "]";
    }
}

package fr.passerelle.gateway.xcpd;

import java.util.Arrays;
import java.util.Optional;

/** The assigning authorities of the French INS (Identifiant National de Santé), by OID. */
public enum InsAuthority {
    /** INS-NIR: the NIR used as health identifier. */
    NIR("1.2.250.1.213.1.4.8"),
    /** INS-NIA: the provisional identifier of people awaiting a NIR. */
    NIA("1.2.250.1.213.1.4.9"),
    /** Test NIR (qualification environments). */
    TEST_NIR("1.2.250.1.213.1.4.10"),
    /** Demonstration NIR (demo patients). */
    DEMO_NIR("1.2.250.1.213.1.4.11");

    private final String oid;

    InsAuthority(String oid) {
        this.oid = oid;
    }

    public String oid() {
        return oid;
    }

    public static Optional<InsAuthority> ofOid(String oid) {
        return Arrays.stream(values()).filter(a -> a.oid.equals(oid)).findFirst();
    }
}

package fr.passerelle.gateway.xcpd;

import java.util.Objects;
import java.util.Optional;

/** A patient identifier as HL7v3 {@code II}: assigning authority OID (root) and value (extension). */
public record PatientIdentifier(String root, String extension) {

    public PatientIdentifier {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(extension, "extension");
    }

    /** Which French INS authority assigned it, if any. */
    public Optional<InsAuthority> insAuthority() {
        return InsAuthority.ofOid(root);
    }

    /** Never the identifier itself: logs must not carry patient identifiers. */
    @Override
    public String toString() {
        return "PatientIdentifier[root=" + root + ", extension=***]";
    }
}

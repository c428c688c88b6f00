package fr.passerelle.gateway.xca;

import fr.passerelle.trust.hl7.Cx;
import fr.passerelle.gateway.soap.MalformedRequest;
import java.util.Objects;

/**
 * An XDS patient identifier in HL7v2 CX form, {@code extension^^^&root&ISO}, as XCA queries and XDR submissions
 * carry it (the XCPD answer's patient id). Read with {@link Cx.Rules#STRICT_XDS}: only CX.1 and CX.4.
 */
public record XdsPatientId(String extension, String root) {

    public XdsPatientId {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(root, "root");
        new Cx(extension, root); // the CX rules: no separator, nothing blank, not over-long
    }

    /** Parses {@code ext^^^&root&ISO}, with or without the surrounding single quotes of a stored-query slot. */
    public static XdsPatientId parse(String cx) {
        Cx.Reading reading = Cx.read(cx, Cx.Rules.STRICT_XDS);
        if (reading instanceof Cx.Refused refused) {
            throw new MalformedRequest(switch (refused.refusal()) {
                case NO_AUTHORITY, AUTHORITY_NOT_ISO ->
                        "The patient id's assigning authority is not in the form &root&ISO";
                case TOO_LONG -> "The patient id " + refused.refusal().explanation();
                default -> "The patient id is not in the form extension^^^&root&ISO";
            });
        }
        Cx read = ((Cx.Read) reading).value();
        return new XdsPatientId(read.id(), read.assigningAuthority());
    }

    public Cx asCx() {
        return new Cx(extension, root);
    }

    public String toCx() {
        return asCx().encode();
    }

    /** Never the identifier itself: logs must not carry patient identifiers. */
    @Override
    public String toString() {
        return "XdsPatientId[root=" + root + ", extension=***]";
    }
}

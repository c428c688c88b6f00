package fr.passerelle.gateway.xca;

import fr.passerelle.gateway.soap.MalformedRequest;
import java.util.Objects;

/**
 * An XDS patient identifier in HL7v2 CX form, {@code extension^^^&root&ISO}, as XCA queries and XDR submissions
 * carry it (the XCPD answer's patient id).
 */
public record XdsPatientId(String extension, String root) {

    public XdsPatientId {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(root, "root");
    }

    /** Parses {@code ext^^^&root&ISO}, with or without the surrounding single quotes of a stored-query slot. */
    public static XdsPatientId parse(String cx) {
        String value = cx.trim();
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            value = value.substring(1, value.length() - 1);
        }
        int caret = value.indexOf("^^^");
        if (caret <= 0) {
            throw new MalformedRequest("The patient id is not in the form extension^^^&root&ISO");
        }
        String authority = value.substring(caret + 3);
        String[] parts = authority.split("&", -1);
        if (parts.length < 3 || !parts[0].isEmpty() || parts[1].isBlank() || !"ISO".equals(parts[2])) {
            throw new MalformedRequest("The patient id's assigning authority is not in the form &root&ISO");
        }
        return new XdsPatientId(value.substring(0, caret), parts[1]);
    }

    public String toCx() {
        return extension + "^^^&" + root + "&ISO";
    }

    /** Never the identifier itself: logs must not carry patient identifiers. */
    @Override
    public String toString() {
        return "XdsPatientId[root=" + root + ", extension=***]";
    }
}

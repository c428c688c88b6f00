package fr.passerelle.gateway.healthspace;

import java.util.Objects;

/** A coded value of document metadata: code, code system (OID or URN) and its display. */
public record Code(String code, String codeSystem, String display) {

    public static final String LOINC = "2.16.840.1.113883.6.1";

    public Code {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(codeSystem, "codeSystem");
    }

    public boolean sameCodeAs(Code other) {
        return other != null && code.equals(other.code) && codeSystem.equals(other.codeSystem);
    }
}

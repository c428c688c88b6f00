package fr.passerelle.gateway.xca;

import java.util.Objects;

/** A coded XDS metadata value: code, coding scheme (OID or eHDSI scheme name) and display name. */
public record XdsCode(String code, String codingScheme, String displayName) {

    public XdsCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(codingScheme, "codingScheme");
        displayName = displayName == null ? code : displayName;
    }
}

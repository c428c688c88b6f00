package fr.passerelle.gateway.console.admin;

/** The cross-border services a foreign NCP calls. */
public enum CrossBorderService {
    XCPD, XCA, XDR, FHIR
}

package fr.passerelle.gateway.access;

/** The purpose of use the requesting professional's assertion states (eHDSI: TREATMENT or EMERGENCY). */
public enum PurposeOfUse {
    TREATMENT,
    EMERGENCY
}

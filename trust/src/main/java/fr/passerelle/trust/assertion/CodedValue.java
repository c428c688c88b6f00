package fr.passerelle.trust.assertion;

/**
 * An HL7 coded element carried inside an attribute value, as eHDSI sends the role and the purpose of use:
 * {@code <Role xmlns="urn:hl7-org:v3" code="221" codeSystem="2.16.840.1.113883.2.9.6.2.7" displayName="Medical Doctors"/>}.
 */
public record CodedValue(String code, String codeSystem, String displayName) {
}

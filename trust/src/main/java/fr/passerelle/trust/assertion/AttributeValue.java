package fr.passerelle.trust.assertion;

import java.util.Optional;

/** One {@code saml2:AttributeValue}: its text, or the HL7 coded element inside it. */
public record AttributeValue(String text, Optional<CodedValue> coded) {

    /** The code when the value is coded, else the text. */
    public String codeOrText() {
        return coded.map(CodedValue::code).filter(c -> !c.isBlank()).orElse(text);
    }
}

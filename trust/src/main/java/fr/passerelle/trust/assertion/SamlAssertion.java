package fr.passerelle.trust.assertion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The SAML 2.0 structure of one assertion as read by {@link AssertionReader}: nothing here is believed yet.
 *
 * @param element             the DOM element the values were read from (the one whose signature is checked)
 * @param kind                from {@code Issuer/@NameQualifier}
 * @param issuer              {@code Issuer} text, e.g. {@code urn:idp:DK:countryB}
 * @param subjectNameId       {@code Subject/NameID} text
 * @param confirmationMethods {@code Subject/SubjectConfirmation/@Method} values
 * @param adviceReferences    {@code Advice/AssertionIDRef} values
 */
public record SamlAssertion(
        Element element,
        AssertionKind kind,
        String id,
        String issuer,
        Instant issueInstant,
        Instant notBefore,
        Instant notOnOrAfter,
        String subjectNameId,
        List<String> confirmationMethods,
        List<String> audiences,
        List<String> adviceReferences,
        List<SamlAttribute> attributes) {

    public SamlAssertion {
        confirmationMethods = List.copyOf(confirmationMethods);
        audiences = List.copyOf(audiences);
        adviceReferences = List.copyOf(adviceReferences);
        attributes = List.copyOf(attributes);
    }

    /** The attribute with this name; two attributes of one name are ambiguous and refused. */
    public Optional<SamlAttribute> attribute(String name) throws MalformedAssertionException {
        SamlAttribute found = null;
        for (SamlAttribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                if (found != null) {
                    throw new MalformedAssertionException("attribute " + name + " appears twice");
                }
                found = attribute;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The single value of an attribute that must be present. */
    public AttributeValue required(String name) throws MalformedAssertionException {
        return attribute(name).orElseThrow(() -> new MalformedAssertionException("attribute " + name + " is missing"))
                .single();
    }

    /** The single value of an optional attribute. */
    public Optional<AttributeValue> optional(String name) throws MalformedAssertionException {
        Optional<SamlAttribute> attribute = attribute(name);
        return attribute.isPresent() ? Optional.of(attribute.get().single()) : Optional.empty();
    }

    /** The country carried in an eHDSI issuer name such as {@code urn:idp:DK:countryB}, if any. */
    public Optional<String> issuerCountry() {
        String[] parts = issuer.split(":");
        if (parts.length >= 4 && parts[0].equals("urn") && parts[2].matches("[A-Z]{2}")) {
            return Optional.of(parts[2]);
        }
        return Optional.empty();
    }
}

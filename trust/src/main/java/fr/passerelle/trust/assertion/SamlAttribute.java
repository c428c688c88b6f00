package fr.passerelle.trust.assertion;

import java.util.List;

/** One {@code saml2:Attribute} with its values in document order. */
public record SamlAttribute(String name, List<AttributeValue> values) {

    public SamlAttribute {
        values = List.copyOf(values);
    }

    /** The single value of a single-valued attribute. */
    public AttributeValue single() throws MalformedAssertionException {
        if (values.size() != 1) {
            throw new MalformedAssertionException("attribute " + name + " must have exactly one value, not "
                    + values.size());
        }
        return values.get(0);
    }
}

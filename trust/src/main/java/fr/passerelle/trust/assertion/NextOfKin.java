package fr.passerelle.trust.assertion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A next-of-kin assertion: the person acting for the patient. Its attributes are kept as sent (eHDSI lists
 * names, address and identifiers), for the access policy and the audit trail to use.
 */
public record NextOfKin(String subjectId, Optional<String> hcpAssertionId, Map<String, List<String>> attributes) {

    public NextOfKin {
        attributes = Map.copyOf(attributes);
    }

    public static NextOfKin from(SamlAssertion nok) throws MalformedAssertionException {
        if (nok.kind() != AssertionKind.NOK) {
            throw new MalformedAssertionException("not a next-of-kin assertion");
        }
        if (nok.adviceReferences().size() > 1) {
            throw new MalformedAssertionException("the next-of-kin assertion references several assertions");
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (SamlAttribute attribute : nok.attributes()) {
            if (attributes.containsKey(attribute.name())) {
                throw new MalformedAssertionException("attribute " + attribute.name() + " appears twice");
            }
            attributes.put(attribute.name(), attribute.values().stream().map(AttributeValue::codeOrText).toList());
        }
        return new NextOfKin(nok.subjectNameId(), nok.adviceReferences().stream().findFirst(), attributes);
    }
}

package fr.passerelle.trust.assertion;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import fr.passerelle.trust.ClaimLimits;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the SAML 2.0 structure of an eHDSI assertion, strictly: one Issuer with a known NameQualifier, one
 * Subject with one NameID, one Conditions with both bounds, and no comment or processing instruction anywhere
 * inside (the 2018 comment-injection class: exclusive C14N drops comments, so a comment can split a signed
 * NameID without breaking the signature). Text is always read whole ({@code getTextContent}), never the first
 * text node.
 */
public final class AssertionReader {

    public static final String SAML_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String HL7_NS = "urn:hl7-org:v3";

    public SamlAssertion read(Element assertion) throws MalformedAssertionException {
        if (!SAML_NS.equals(assertion.getNamespaceURI()) || !"Assertion".equals(assertion.getLocalName())) {
            throw new MalformedAssertionException("not a SAML 2.0 Assertion");
        }
        refuseCommentsAndInstructions(assertion);
        if (!"2.0".equals(assertion.getAttributeNS(null, "Version"))) {
            throw new MalformedAssertionException("the assertion is not SAML Version 2.0");
        }
        String id = assertion.getAttributeNS(null, "ID");
        if (id.isBlank()) {
            throw new MalformedAssertionException("the assertion has no ID");
        }
        bounded(id, ClaimLimits.IDENTIFIER, "the assertion ID");
        Instant issueInstant = instant(assertion.getAttributeNS(null, "IssueInstant"), "IssueInstant");

        Element issuer = onlyChild(assertion, "Issuer");
        String nameQualifier = issuer.getAttributeNS(null, "NameQualifier");
        AssertionKind kind = AssertionKind.ofNameQualifier(nameQualifier)
                .orElseThrow(() -> new MalformedAssertionException(
                        "unknown assertion type (Issuer NameQualifier is not an eHDSI assertion type)"));

        Element subject = onlyChild(assertion, "Subject");
        String nameId = onlyChild(subject, "NameID").getTextContent().trim();
        if (nameId.isEmpty()) {
            throw new MalformedAssertionException("the Subject NameID is empty");
        }
        bounded(nameId, ClaimLimits.IDENTIFIER, "the Subject NameID");
        List<String> methods = new ArrayList<>();
        for (Element confirmation : childrenNamed(subject, "SubjectConfirmation")) {
            methods.add(confirmation.getAttributeNS(null, "Method"));
        }

        Element conditions = onlyChild(assertion, "Conditions");
        Instant notBefore = instant(conditions.getAttributeNS(null, "NotBefore"), "Conditions NotBefore");
        Instant notOnOrAfter = instant(conditions.getAttributeNS(null, "NotOnOrAfter"), "Conditions NotOnOrAfter");
        List<String> audiences = new ArrayList<>();
        for (Element restriction : childrenNamed(conditions, "AudienceRestriction")) {
            for (Element audience : childrenNamed(restriction, "Audience")) {
                audiences.add(bounded(audience.getTextContent().trim(), ClaimLimits.IDENTIFIER, "an Audience"));
            }
        }

        List<String> adviceReferences = new ArrayList<>();
        for (Element advice : childrenNamed(assertion, "Advice")) {
            for (Element reference : childrenNamed(advice, "AssertionIDRef")) {
                adviceReferences.add(bounded(reference.getTextContent().trim(), ClaimLimits.IDENTIFIER,
                        "an AssertionIDRef"));
            }
        }

        List<SamlAttribute> attributes = new ArrayList<>();
        for (Element statement : childrenNamed(assertion, "AttributeStatement")) {
            for (Element attribute : childrenNamed(statement, "Attribute")) {
                attributes.add(attribute(attribute));
            }
        }
        String issuerName = bounded(issuer.getTextContent().trim(), ClaimLimits.IDENTIFIER, "the Issuer");
        return new SamlAssertion(assertion, kind, id, issuerName, issueInstant, notBefore,
                notOnOrAfter, nameId, methods, audiences, adviceReferences, attributes);
    }

    private static SamlAttribute attribute(Element attribute) throws MalformedAssertionException {
        String name = attribute.getAttributeNS(null, "Name");
        if (name.isBlank()) {
            throw new MalformedAssertionException("an Attribute has no Name");
        }
        bounded(name, ClaimLimits.IDENTIFIER, "an Attribute Name");
        List<Element> valueElements = childrenNamed(attribute, "AttributeValue");
        if (valueElements.size() > ClaimLimits.VALUES) {
            throw new MalformedAssertionException("an Attribute has more than " + ClaimLimits.VALUES + " values");
        }
        List<AttributeValue> values = new ArrayList<>();
        for (Element value : valueElements) {
            values.add(new AttributeValue(bounded(value.getTextContent().trim(), ClaimLimits.IDENTIFIER,
                    "an AttributeValue"), coded(value)));
        }
        return new SamlAttribute(name, values);
    }

    private static Optional<CodedValue> coded(Element value) throws MalformedAssertionException {
        Element found = null;
        for (Node child = value.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (found != null) {
                    throw new MalformedAssertionException("an AttributeValue holds more than one element");
                }
                found = element;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        if (!HL7_NS.equals(found.getNamespaceURI())) {
            throw new MalformedAssertionException("an AttributeValue holds a non-HL7 element");
        }
        return Optional.of(new CodedValue(
                bounded(found.getAttributeNS(null, "code"), ClaimLimits.CODE, "a coded value's code"),
                bounded(found.getAttributeNS(null, "codeSystem"), ClaimLimits.IDENTIFIER, "a coded value's system"),
                bounded(found.getAttributeNS(null, "displayName"), ClaimLimits.CODE, "a coded value's display")));
    }

    private static void refuseCommentsAndInstructions(Element root) throws MalformedAssertionException {
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            short type = node.getNodeType();
            if (type == Node.COMMENT_NODE) {
                throw new MalformedAssertionException("comments inside an assertion are refused");
            }
            if (type == Node.PROCESSING_INSTRUCTION_NODE) {
                throw new MalformedAssertionException("processing instructions inside an assertion are refused");
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                pending.push(child);
            }
        }
    }

    /** The value, when it fits: an over-long claim is refused as malformed, naming what, never quoting it. */
    private static String bounded(String value, int max, String what) throws MalformedAssertionException {
        if (!ClaimLimits.fits(value, max)) {
            throw new MalformedAssertionException(what + " is longer than " + max + " characters");
        }
        return value;
    }

    private static Instant instant(String value, String what) throws MalformedAssertionException {
        if (value == null || value.isBlank()) {
            throw new MalformedAssertionException(what + " is missing");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedAssertionException(what + " is not an xs:dateTime in UTC");
        }
    }

    private static Element onlyChild(Element parent, String localName) throws MalformedAssertionException {
        List<Element> found = childrenNamed(parent, localName);
        if (found.size() != 1) {
            throw new MalformedAssertionException(parent.getLocalName() + " must have exactly one " + localName
                    + ", not " + found.size());
        }
        return found.get(0);
    }

    static List<Element> childrenNamed(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && SAML_NS.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}

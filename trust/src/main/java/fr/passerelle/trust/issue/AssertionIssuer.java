package fr.passerelle.trust.issue;

import fr.passerelle.trust.assertion.AssertionKind;
import fr.passerelle.trust.assertion.AssertionReader;
import fr.passerelle.trust.assertion.EhdsiAttributes;
import fr.passerelle.trust.xml.SignatureAlgorithms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.InclusiveNamespaces;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds and signs eHDSI assertions the way OpenNCP-based NCPs do: {@code saml2:} prefix, Issuer with the
 * eHDSI NameQualifier and {@code urn:idp:<CC>:countryB}, signature right after Issuer, sender-vouches, the
 * x-border audience, XSPA/eHDSI attribute names, role and purpose of use as HL7 elements.
 * {@link #build} and {@link #sign} are separate so tests can alter an assertion between the two.
 */
public final class AssertionIssuer {

    private static final String SAML = AssertionReader.SAML_NS;
    private static final String XSD_NS = "http://www.w3.org/2001/XMLSchema";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String HL7_NS = "urn:hl7-org:v3";
    private static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";
    private static final String ISCO = "2.16.840.1.113883.2.9.6.2.7";
    private static final String PURPOSE_SYSTEM = "3bc18518-d305-46c2-a8d6-94bd59856e9e";

    static {
        Init.init();
    }

    private final CountrySigner signer;
    private final Clock clock;

    public AssertionIssuer(CountrySigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    /** Builds and signs an HCP assertion as the last child of {@code parent}. */
    public Element hcp(Element parent, HcpClaims claims) {
        return sign(buildHcp(parent, claims), SigningProfile.ehdsi());
    }

    /** Builds and signs a TRC assertion bound to {@code hcpAssertionId}. */
    public Element trc(Element parent, TrcClaims claims, String practitionerId, String hcpAssertionId) {
        return sign(buildTrc(parent, claims, practitionerId, hcpAssertionId), SigningProfile.ehdsi());
    }

    /** Builds and signs a next-of-kin assertion bound to {@code hcpAssertionId}. */
    public Element nok(Element parent, String nextOfKinId, Map<String, String> attributes, String hcpAssertionId) {
        Element assertion = skeleton(parent, AssertionKind.NOK, nextOfKinId, Duration.ofHours(2));
        advice(assertion, hcpAssertionId);
        Element statement = child(assertion, "AttributeStatement");
        attributes.forEach((name, value) -> stringAttribute(statement, name, value));
        return sign(assertion, SigningProfile.ehdsi());
    }

    public Element buildHcp(Element parent, HcpClaims claims) {
        Element assertion = skeleton(parent, AssertionKind.HCP, claims.practitionerId(), claims.lifetime());
        Element statement = child(assertion, "AttributeStatement");
        stringAttribute(statement, EhdsiAttributes.HOME_COMMUNITY_ID, claims.homeCommunityId());
        stringAttribute(statement, EhdsiAttributes.XSPA_SUBJECT, claims.practitionerName());
        Element role = hl7(attribute(statement, EhdsiAttributes.ROLE), "Role");
        role.setAttribute("code", claims.roleCode());
        role.setAttribute("codeSystem", ISCO);
        role.setAttribute("codeSystemName", "ISCO");
        role.setAttribute("displayName", claims.roleDisplayName());
        stringAttribute(statement, EhdsiAttributes.ORGANISATION, claims.organisation());
        stringAttribute(statement, EhdsiAttributes.ORGANISATION_ID, claims.organisationId());
        stringAttribute(statement, EhdsiAttributes.FACILITY_TYPE, claims.facilityType());
        purpose(statement, claims.purposeOfUse().name());
        stringAttribute(statement, EhdsiAttributes.LOCALITY, claims.pointOfCare());
        Element permissions = attribute(statement, EhdsiAttributes.PERMISSION);
        for (String permission : claims.permissions()) {
            stringValue(permissions, EhdsiAttributes.PERMISSION_PREFIX + permission);
        }
        return assertion;
    }

    public Element buildTrc(Element parent, TrcClaims claims, String practitionerId, String hcpAssertionId) {
        Element assertion = skeleton(parent, AssertionKind.TRC, practitionerId, claims.lifetime());
        advice(assertion, hcpAssertionId);
        Element statement = child(assertion, "AttributeStatement");
        stringAttribute(statement, EhdsiAttributes.RESOURCE_ID, claims.patientId());
        purpose(statement, claims.purposeOfUse().name());
        return assertion;
    }

    /** Signs an assertion built here (enveloped signature inserted right after Issuer). */
    public Element sign(Element assertion, SigningProfile profile) {
        return sign(assertion, profile, signer);
    }

    /** Signs with another signer (tests: a key that is not the certificate's, another country's). */
    public static Element sign(Element assertion, SigningProfile profile, CountrySigner by) {
        Document document = assertion.getOwnerDocument();
        String id = assertion.getAttributeNS(null, "ID");
        assertion.setIdAttributeNS(null, "ID", true);
        try {
            XMLSignature signature = new XMLSignature(document, "", profile.signatureAlgorithm(),
                    profile.canonicalization());
            Node issuer = assertion.getElementsByTagNameNS(SAML, "Issuer").item(0);
            assertion.insertBefore(signature.getElement(), issuer.getNextSibling());
            Transforms transforms = new Transforms(document);
            for (String transform : profile.transforms()) {
                if (SignatureAlgorithms.EXC_C14N.equals(transform) && profile.inclusivePrefixList() != null) {
                    transforms.addTransform(transform,
                            new InclusiveNamespaces(document, profile.inclusivePrefixList()).getElement());
                } else {
                    transforms.addTransform(transform);
                }
            }
            signature.addDocument("#" + id, transforms, profile.digestAlgorithm());
            signature.addKeyInfo(by.certificate());
            signature.sign(by.privateKey());
            return assertion;
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("cannot sign the assertion", e);
        }
    }

    private Element skeleton(Element parent, AssertionKind kind, String subject, Duration lifetime) {
        Document document = parent.getOwnerDocument();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Element assertion = document.createElementNS(SAML, "saml2:Assertion");
        assertion.setAttributeNS(XMLNS_NS, "xmlns:saml2", SAML);
        assertion.setAttributeNS(XMLNS_NS, "xmlns:xsd", XSD_NS);
        assertion.setAttributeNS(null, "ID", "_" + UUID.randomUUID());
        assertion.setAttributeNS(null, "IssueInstant", now.toString());
        assertion.setAttributeNS(null, "Version", "2.0");
        parent.appendChild(assertion);

        Element issuer = child(assertion, "Issuer");
        issuer.setAttributeNS(null, "NameQualifier", kind.nameQualifier());
        issuer.setTextContent((kind == AssertionKind.HCP ? "urn:idp:" : "urn:initgw:") + signer.country()
                + ":countryB");

        Element subjectElement = child(assertion, "Subject");
        Element nameId = child(subjectElement, "NameID");
        nameId.setAttributeNS(null, "Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        nameId.setTextContent(subject);
        child(subjectElement, "SubjectConfirmation").setAttributeNS(null, "Method", EhdsiAttributes.SENDER_VOUCHES);

        Element conditions = child(assertion, "Conditions");
        conditions.setAttributeNS(null, "NotBefore", now.toString());
        conditions.setAttributeNS(null, "NotOnOrAfter", now.plus(lifetime).toString());
        child(child(conditions, "AudienceRestriction"), "Audience").setTextContent(EhdsiAttributes.X_BORDER_AUDIENCE);

        Element authn = child(assertion, "AuthnStatement");
        authn.setAttributeNS(null, "AuthnInstant", now.toString());
        child(child(authn, "AuthnContext"), "AuthnContextClassRef").setTextContent(kind == AssertionKind.HCP
                ? "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI"
                : "urn:oasis:names:tc:SAML:2.0:ac:classes:PreviousSession");
        return assertion;
    }

    private static void advice(Element assertion, String hcpAssertionId) {
        Element advice = assertion.getOwnerDocument().createElementNS(SAML, "saml2:Advice");
        Node authn = assertion.getElementsByTagNameNS(SAML, "AuthnStatement").item(0);
        assertion.insertBefore(advice, authn);
        child(advice, "AssertionIDRef").setTextContent(hcpAssertionId);
    }

    private static void purpose(Element statement, String code) {
        Element purpose = hl7(attribute(statement, EhdsiAttributes.PURPOSE_OF_USE), "PurposeOfUse");
        purpose.setAttribute("code", code);
        purpose.setAttribute("codeSystem", PURPOSE_SYSTEM);
        purpose.setAttribute("codeSystemName", "eHDSI XSPA PurposeOfUse");
        purpose.setAttribute("displayName", code);
    }

    private static Element hl7(Element attribute, String name) {
        Element value = child(attribute, "AttributeValue");
        Element element = attribute.getOwnerDocument().createElementNS(HL7_NS, name);
        element.setAttributeNS(XMLNS_NS, "xmlns", HL7_NS);
        value.appendChild(element);
        return element;
    }

    private static void stringAttribute(Element statement, String name, String value) {
        stringValue(attribute(statement, name), value);
    }

    private static Element attribute(Element statement, String name) {
        Element attribute = child(statement, "Attribute");
        attribute.setAttributeNS(null, "Name", name);
        attribute.setAttributeNS(null, "NameFormat", "urn:oasis:names:tc:SAML:2.0:attrname-format:uri");
        return attribute;
    }

    private static void stringValue(Element attribute, String text) {
        Element value = child(attribute, "AttributeValue");
        value.setAttributeNS(XMLNS_NS, "xmlns:xsi", XSI_NS);
        value.setAttributeNS(XSI_NS, "xsi:type", "xsd:string");
        value.setTextContent(text);
    }

    private static Element child(Element parent, String localName) {
        Element element = parent.getOwnerDocument().createElementNS(SAML, "saml2:" + localName);
        parent.appendChild(element);
        return element;
    }
}

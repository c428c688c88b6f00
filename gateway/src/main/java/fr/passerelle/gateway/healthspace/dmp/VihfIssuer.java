package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.hl7.Cx;
import fr.passerelle.trust.VerifiedRequester;
import fr.passerelle.trust.assertion.PurposeOfUse;
import fr.passerelle.trust.xml.HardenedXml;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds and signs the VIHF 3.0 SAML 2.0 assertion of one DMP call from the foreign practitioner's verified identity
 * and Passerelle's own identity (how each attribute is derived: docs/dmp-connector.md). Signed enveloped, exclusive
 * C14N, RSA-SHA256, with the organisation certificate in KeyInfo, as the DMP verifies it.
 */
public final class VihfIssuer {

    public static final String SAML_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String HL7_NS = "urn:hl7-org:v3";
    static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    /** TRE_G15 ProfessionSante. */
    static final String PROFESSION_SYSTEM = "1.2.250.1.71.1.2.7";
    /** The DMP's purpose-of-use code system (normal access / emergency "bris de glace"). */
    static final String PURPOSE_SYSTEM = "1.2.250.1.213.1.1.4.248";
    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** CX.5 of the patient in the VIHF resource-id: NH (HL7 table 0203), as the DMP's VIHF profile writes the INS. */
    static final String NATIONAL_HEALTH_ID = "NH";

    static {
        Init.init();
    }

    private final DmpProperties.Identity identity;
    private final SigningCredential credential;
    private final Clock clock;

    public VihfIssuer(DmpProperties.Identity identity, SigningCredential credential, Clock clock) {
        this.identity = identity;
        this.credential = credential;
        this.clock = clock;
    }

    /** A signed VIHF for this requester and patient, as the root of a new DOM document. */
    public Element issue(VerifiedRequester requester, Ins patient, DmpOperation operation) {
        String profession = professionOf(requester.roleCode())
                .orElseThrow(() -> new DmpFailure(DmpFailure.Kind.ACCESS_REFUSED, operation,
                        "the requester's role code has no DMP profession mapping"));
        Document document = newDocument();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Element assertion = document.createElementNS(SAML_NS, "saml2:Assertion");
        document.appendChild(assertion);
        assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml2", SAML_NS);
        assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", XSI_NS);
        assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:hl7", HL7_NS);
        String id = "_" + UUID.randomUUID();
        assertion.setAttributeNS(null, "ID", id);
        assertion.setIdAttributeNS(null, "ID", true);
        assertion.setAttributeNS(null, "Version", "2.0");
        assertion.setAttributeNS(null, "IssueInstant", now.toString());

        Element issuer = child(assertion, "Issuer", credential.certificate().getSubjectX500Principal().getName());
        issuer.setAttributeNS(null, "Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName");

        Element subject = child(assertion, "Subject", null);
        Element nameId = child(subject, "NameID", requester.country() + "/" + requester.practitionerId());
        nameId.setAttributeNS(null, "Format", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
        Element confirmation = child(subject, "SubjectConfirmation", null);
        confirmation.setAttributeNS(null, "Method", "urn:oasis:names:tc:SAML:2.0:cm:sender-vouches");

        Element conditions = child(assertion, "Conditions", null);
        conditions.setAttributeNS(null, "NotBefore", now.toString());
        conditions.setAttributeNS(null, "NotOnOrAfter", now.plus(LIFETIME).toString());

        Element authn = child(assertion, "AuthnStatement", null);
        authn.setAttributeNS(null, "AuthnInstant", now.toString());
        Element context = child(authn, "AuthnContext", null);
        // The practitioner authenticated with their own country's NCP, which vouches for them through TLS.
        child(context, "AuthnContextClassRef", "urn:oasis:names:tc:SAML:2.0:ac:classes:TLSClient");

        Element statement = child(assertion, "AttributeStatement", null);
        attribute(statement, "VIHF_Version", "3.0");
        attribute(statement, "Authentification_Mode", "INDIRECTE");
        attribute(statement, "Identifiant_Structure", identity.structureId());
        attribute(statement, "Secteur_Activite", identity.activitySector() + "^1.2.250.1.71.4.2.4");
        attribute(statement, "urn:oasis:names:tc:xspa:1.0:subject:subject-id", subjectId(requester));
        Element roles = attribute(statement, "urn:oasis:names:tc:xacml:2.0:subject:role", null);
        coded(roles, "Role", profession, PROFESSION_SYSTEM, null);
        String specialty = identity.specialties().get(profession);
        if (specialty != null) {
            String[] parts = specialty.split("\\^", 2);
            coded(roles, "Role", parts[0], parts.length > 1 ? parts[1] : "", null);
        }
        attribute(statement, "urn:oasis:names:tc:xacml:2.0:resource:resource-id",
                new Cx(patient.value(), patient.oid(), NATIONAL_HEALTH_ID).encode());
        attribute(statement, "Ressource_URN", "urn:dmp");
        Element purpose = attribute(statement, "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse", null);
        boolean emergency = requester.purposeOfUse() == PurposeOfUse.EMERGENCY;
        coded(purpose, "PurposeOfUse", emergency ? "bris_de_glace" : "normal", PURPOSE_SYSTEM,
                emergency ? "Accès en urgence (bris de glace)" : "Accès normal");
        attribute(statement, "LPS_Nom", identity.softwareName());
        attribute(statement, "LPS_Version", identity.softwareVersion());
        attribute(statement, "LPS_ID_HOMOLOGATION_DMP", identity.softwareHomologation());

        sign(assertion, issuer, id);
        return assertion;
    }

    /** The TRE_G15 profession of an ISCO-08 role code: the longest configured prefix that matches. */
    Optional<String> professionOf(String iscoCode) {
        if (iscoCode == null || iscoCode.isBlank()) {
            return Optional.empty();
        }
        return identity.professions().entrySet().stream()
                .filter(e -> iscoCode.trim().startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    private static String subjectId(VerifiedRequester requester) {
        String organisation = requester.organisation() == null || requester.organisation().isBlank()
                ? "" : ", " + requester.organisation();
        return requester.practitionerName() + " (" + requester.country() + organisation + ")";
    }

    private void sign(Element assertion, Element issuer, String id) {
        try {
            XMLSignature signature = new XMLSignature(assertion.getOwnerDocument(), "",
                    XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            // SAML schema order: the signature follows Issuer.
            assertion.insertBefore(signature.getElement(), issuer.getNextSibling());
            Transforms transforms = new Transforms(assertion.getOwnerDocument());
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + id, transforms, "http://www.w3.org/2001/04/xmlenc#sha256");
            signature.addKeyInfo(credential.certificate());
            signature.sign(credential.privateKey());
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("cannot sign the VIHF: " + e.getMessage(), e);
        }
    }

    private static Element attribute(Element statement, String name, String value) {
        Element attribute = child(statement, "Attribute", null);
        attribute.setAttributeNS(null, "Name", name);
        Element attributeValue = child(attribute, "AttributeValue", value);
        return attributeValue;
    }

    private static void coded(Element parent, String name, String code, String codeSystem, String display) {
        Element element = parent.getOwnerDocument().createElementNS(HL7_NS, "hl7:" + name);
        element.setAttributeNS(XSI_NS, "xsi:type", "hl7:CE");
        element.setAttributeNS(null, "code", code);
        element.setAttributeNS(null, "codeSystem", codeSystem);
        if (display != null) {
            element.setAttributeNS(null, "displayName", display);
        }
        parent.appendChild(element);
    }

    private static Element child(Element parent, String localName, String text) {
        Element element = parent.getOwnerDocument().createElementNS(SAML_NS, "saml2:" + localName);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    private static Document newDocument() {
        return HardenedXml.newDocument();
    }
}

package fr.passerelle.trust;

import static fr.passerelle.trust.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SigningProfile;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.xml.SignatureAlgorithms;
import java.util.List;
import java.util.function.Consumer;
import javax.crypto.spec.SecretKeySpec;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Signatures that must be refused: missing, empty, over something else, weak or dangerous algorithms, keys. */
class SignatureRulesTest {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private final TrustFixture fixture = new TrustFixture();

    /** An XCPD envelope with one ES HCP assertion, built, then signed with {@code profile}, then edited. */
    private Validation hcpSignedWith(SigningProfile profile, Consumer<Element> afterSigning) {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCPD);
        AssertionIssuer issuer = fixture.issuer("ES");
        Element hcp = issuer.buildHcp(SoapEnvelopes.security(envelope), HcpClaims.demoDoctor("ES"));
        if (profile != null) {
            issuer.sign(hcp, profile);
        }
        afterSigning.accept(hcp);
        return fixture.validator().validate(TrustFixture.roundTrip(envelope), Transaction.XCPD, null);
    }

    private static Element dsig(Element scope, String localName) {
        return (Element) scope.getElementsByTagNameNS(DSIG, localName).item(0);
    }

    @Test
    void theEhdsiProfileIsAccepted() {
        assertThat(hcpSignedWith(SigningProfile.ehdsi(), hcp -> { })).isInstanceOf(VerifiedRequester.class);
    }

    @Test
    void unsigned() {
        assertRefused(hcpSignedWith(null, hcp -> { }), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                "not signed");
    }

    @Test
    void emptySignatureElement() {
        assertRefused(hcpSignedWith(null, hcp -> {
            Element signature = hcp.getOwnerDocument().createElementNS(DSIG, "ds:Signature");
            hcp.insertBefore(signature, hcp.getFirstChild().getNextSibling());
        }), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "no single SignedInfo");
    }

    @Test
    void emptySignatureValue() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> dsig(hcp, "SignatureValue").setTextContent("")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "SignatureValue is empty");
    }

    @Test
    void signatureOverAnotherElement() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> dsig(hcp, "Reference").setAttribute("URI", "#_other")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "references another element");
    }

    @Test
    void signatureOverTheWholeDocument() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> dsig(hcp, "Reference").setAttribute("URI", "")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "references another element");
    }

    @Test
    void contentChangedAfterSigning() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> {
            Element role = (Element) hcp.getElementsByTagNameNS("urn:hl7-org:v3", "Role").item(0);
            role.setAttribute("code", "2262");
        }), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "does not match");
    }

    @Test
    void signatureValueTampered() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> {
            Element value = dsig(hcp, "SignatureValue");
            String text = value.getTextContent().replaceAll("\\s", "");
            value.setTextContent((text.charAt(0) == 'A' ? "B" : "A") + text.substring(1));
        }), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "does not");
    }

    @Test
    void keyInfoCertificateIsNotTheSigningKey() {
        assertRefused(hcpSignedWith(null, hcp -> {
            // Signed with IT's key, but carrying ES's (trusted) certificate.
            AssertionIssuer.sign(hcp, SigningProfile.ehdsi(), new fr.passerelle.trust.issue.CountrySigner("ES",
                    TrustFixture.PKI.signer("ES").certificate(), TrustFixture.PKI.signer("IT").privateKey()));
        }), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "does not match");
    }

    @Test
    void canonicalizationWithComments() {
        assertRefused(hcpSignedWith(ehdsiWith(null, null, "http://www.w3.org/2001/10/xml-exc-c14n#WithComments", null), hcp -> { }),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                "canonicalization http://www.w3.org/2001/10/xml-exc-c14n#WithComments is not accepted");
    }

    @Test
    void commentsKeptByATransform() {
        assertRefused(hcpSignedWith(ehdsiWith(null, null, null, List.of(SignatureAlgorithms.ENVELOPED,
                        "http://www.w3.org/2001/10/xml-exc-c14n#WithComments")), hcp -> { }),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                "transform http://www.w3.org/2001/10/xml-exc-c14n#WithComments is not accepted");
    }

    @Test
    void inclusiveCanonicalization() {
        assertRefused(hcpSignedWith(ehdsiWith(null, null, "http://www.w3.org/TR/2001/REC-xml-c14n-20010315", null), hcp -> { }),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "is not accepted");
    }

    @Test
    void rsaSha1() {
        assertRefused(hcpSignedWith(ehdsiWith("http://www.w3.org/2000/09/xmldsig#rsa-sha1", null, null, null), hcp -> { }),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                "signature algorithm http://www.w3.org/2000/09/xmldsig#rsa-sha1 is not accepted");
    }

    @Test
    void sha1Digest() {
        assertRefused(hcpSignedWith(ehdsiWith(null, "http://www.w3.org/2000/09/xmldsig#sha1", null, null), hcp -> { }),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                "digest algorithm http://www.w3.org/2000/09/xmldsig#sha1 is not accepted");
    }

    @Test
    void md5Digest() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> dsig(hcp, "DigestMethod")
                        .setAttribute("Algorithm", "http://www.w3.org/2001/04/xmldsig-more#md5")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                "digest algorithm http://www.w3.org/2001/04/xmldsig-more#md5 is not accepted");
    }

    @Test
    void rsaMd5() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> dsig(hcp, "SignatureMethod")
                        .setAttribute("Algorithm", "http://www.w3.org/2001/04/xmldsig-more#rsa-md5")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                "signature algorithm http://www.w3.org/2001/04/xmldsig-more#rsa-md5 is not accepted");
    }

    @Test
    void hmacSignature() {
        assertRefused(hcpSignedWith(null, hcp -> hmacSign(hcp, 0)), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED,
                "signature", "signature algorithm http://www.w3.org/2001/04/xmldsig-more#hmac-sha256 is not accepted");
    }

    @Test
    void truncatedHmacSignature() {
        // Santuario will not even produce an HMAC shorter than 128 bits; the attacker writes the element by hand.
        Validation validation = hcpSignedWith(null, hcp -> {
            hmacSign(hcp, 0);
            Element length = hcp.getOwnerDocument().createElementNS(DSIG, "ds:HMACOutputLength");
            length.setTextContent("8");
            dsig(hcp, "SignatureMethod").appendChild(length);
        });
        assertRefused(validation, EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "is not accepted");
    }

    @Test
    void truncatedHmacOutputLengthIsRefusedEvenUnderAnAllowedAlgorithmName() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> {
            Element method = dsig(hcp, "SignatureMethod");
            Element length = hcp.getOwnerDocument().createElementNS(DSIG, "ds:HMACOutputLength");
            length.setTextContent("8");
            method.appendChild(length);
        }), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "HMACOutputLength");
    }

    @Test
    void moreThanFiveTransforms() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> {
            Element transforms = dsig(hcp, "Transforms");
            for (int i = 0; i < 5; i++) {
                Element transform = hcp.getOwnerDocument().createElementNS(DSIG, "ds:Transform");
                transform.setAttribute("Algorithm", SignatureAlgorithms.EXC_C14N);
                transforms.appendChild(transform);
            }
        }), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "more than 5 transforms");
    }

    @Test
    void xpathTransform() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> addTransform(hcp, Transforms.TRANSFORM_XPATH,
                        "ds:XPath", "count(//. | //@* | //namespace::*)")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                "transform " + Transforms.TRANSFORM_XPATH + " is not accepted");
    }

    @Test
    void xpathFilter2Transform() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> addTransform(hcp, Transforms.TRANSFORM_XPATH2FILTER,
                        "ds:XPath", "/")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "is not accepted");
    }

    @Test
    void xsltTransform() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> addTransform(hcp, Transforms.TRANSFORM_XSLT,
                        "ds:Stylesheet", "")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                "transform " + Transforms.TRANSFORM_XSLT + " is not accepted");
    }

    @Test
    void externalHttpReference() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> dsig(hcp, "Reference")
                        .setAttribute("URI", "http://attacker.example/assertion.xml")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "external references are not accepted");
    }

    @Test
    void externalFileReference() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> dsig(hcp, "Reference")
                        .setAttribute("URI", "file:///etc/passwd")),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "external references are not accepted");
    }

    @Test
    void twoReferences() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> {
            Element reference = dsig(hcp, "Reference");
            reference.getParentNode().appendChild(reference.cloneNode(true));
        }), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "exactly one Reference, not 2");
    }

    @Test
    void severalCertificatesInKeyInfo() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> {
            Element certificate = dsig(hcp, "X509Certificate");
            certificate.getParentNode().appendChild(certificate.cloneNode(true));
        }), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "exactly one X509Certificate");
    }

    @Test
    void severalX509DataInKeyInfo() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> {
            Element data = dsig(hcp, "X509Data");
            data.getParentNode().appendChild(data.cloneNode(true));
        }), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "exactly one X509Data");
    }

    @Test
    void retrievalMethodInKeyInfo() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> {
            Element keyInfo = dsig(hcp, "KeyInfo");
            Element retrieval = hcp.getOwnerDocument().createElementNS(DSIG, "ds:RetrievalMethod");
            retrieval.setAttribute("URI", "http://attacker.example/key");
            keyInfo.appendChild(retrieval);
        }), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "exactly one X509Data");
    }

    @Test
    void objectInsideTheSignature() {
        assertRefused(hcpSignedWith(SigningProfile.ehdsi(), hcp -> dsig(hcp, "Signature")
                        .appendChild(hcp.getOwnerDocument().createElementNS(DSIG, "ds:Object"))),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature", "unexpected Object");
    }

    private static void addTransform(Element hcp, String algorithm, String parameter, String text) {
        Element transforms = dsig(hcp, "Transforms");
        Element transform = hcp.getOwnerDocument().createElementNS(DSIG, "ds:Transform");
        transform.setAttribute("Algorithm", algorithm);
        Element child = hcp.getOwnerDocument().createElementNS(
                algorithm.equals(Transforms.TRANSFORM_XSLT) ? "http://www.w3.org/1999/XSL/Transform" : DSIG, parameter);
        child.setTextContent(text);
        transform.appendChild(child);
        transforms.insertBefore(transform, transforms.getLastChild());
    }

    /** A genuine HMAC-SHA256 signature (optionally truncated): a shared secret, proving nothing about a country. */
    private static void hmacSign(Element hcp, int outputLength) {
        try {
            Document document = hcp.getOwnerDocument();
            hcp.setIdAttributeNS(null, "ID", true);
            XMLSignature signature = outputLength > 0
                    ? new XMLSignature(document, "", XMLSignature.ALGO_ID_MAC_HMAC_SHA256, outputLength,
                            SignatureAlgorithms.EXC_C14N)
                    : new XMLSignature(document, "", XMLSignature.ALGO_ID_MAC_HMAC_SHA256, SignatureAlgorithms.EXC_C14N);
            hcp.insertBefore(signature.getElement(), hcp.getFirstChild().getNextSibling());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(SignatureAlgorithms.ENVELOPED);
            transforms.addTransform(SignatureAlgorithms.EXC_C14N);
            signature.addDocument("#" + hcp.getAttribute("ID"), transforms, SignatureAlgorithms.SHA256);
            signature.addKeyInfo(TrustFixture.PKI.signer("ES").certificate());
            signature.sign(new SecretKeySpec(new byte[32], "HmacSHA256"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The eHDSI signing profile with the parts given (non-null) changed. */
    private static SigningProfile ehdsiWith(String signatureAlgorithm, String digestAlgorithm, String canonicalization,
            List<String> transforms) {
        SigningProfile e = SigningProfile.ehdsi();
        return new SigningProfile(signatureAlgorithm != null ? signatureAlgorithm : e.signatureAlgorithm(),
                digestAlgorithm != null ? digestAlgorithm : e.digestAlgorithm(),
                canonicalization != null ? canonicalization : e.canonicalization(),
                transforms != null ? transforms : e.transforms(), e.inclusivePrefixList());
    }
}

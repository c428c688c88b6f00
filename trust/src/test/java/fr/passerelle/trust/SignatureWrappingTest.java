package fr.passerelle.trust;

import static fr.passerelle.trust.Refusals.assertRefused;

import fr.passerelle.trust.issue.SoapEnvelopes;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The XML Signature Wrapping attacks of "On Breaking SAML: Be Whoever You Want to Be" (Somorovsky et al., USENIX
 * Security 2012), XSW1–XSW8, adapted from the SAML Response to the WS-Security header: in each, the signed
 * original stays somewhere in the message so its signature still verifies, and an evil copy (same ID, another
 * practitioner) is put where a naive validator reads the claims.
 */
class SignatureWrappingTest {

    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private final TrustFixture fixture = new TrustFixture();

    private Document envelope;
    private Element security;
    private Element original;

    private void prepare() {
        envelope = TrustFixture.roundTrip(fixture.validPair());
        security = SoapEnvelopes.security(envelope);
        original = TrustFixture.hcpOf(envelope);
    }

    /** The attacker's copy: same ID, another practitioner, the original signature left inside. */
    private Element evilCopy() {
        Element evil = (Element) original.cloneNode(true);
        Element nameId = (Element) evil.getElementsByTagNameNS(SAML, "NameID").item(0);
        nameId.setTextContent("attacker@evil.example");
        return evil;
    }

    private Element evilWithoutSignature() {
        Element evil = evilCopy();
        Element signature = (Element) evil.getElementsByTagNameNS(DSIG, "Signature").item(0);
        evil.removeChild(signature);
        return evil;
    }

    private Validation validate() {
        return fixture.validator().validate(envelope, Transaction.XCA_QUERY, TrustFixture.PATIENT);
    }

    @Test
    void xsw1_originalInsideTheEvilSignatureObject() {
        prepare();
        Element evil = evilCopy();
        Element signature = (Element) evil.getElementsByTagNameNS(DSIG, "Signature").item(0);
        Element object = envelope.createElementNS(DSIG, "ds:Object");
        signature.appendChild(object);
        security.replaceChild(evil, original);
        object.appendChild(original);
        assertRefused(validate(), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header", "wrapping");
    }

    @Test
    void xsw2_originalDetachedBeforeTheEvilSignature() {
        prepare();
        Element evil = evilCopy();
        Element signature = (Element) evil.getElementsByTagNameNS(DSIG, "Signature").item(0);
        security.replaceChild(evil, original);
        evil.insertBefore(original, signature);
        assertRefused(validate(), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header", "wrapping");
    }

    @Test
    void xsw3_evilAssertionBeforeTheOriginalInTheHeader() {
        prepare();
        security.insertBefore(evilWithoutSignature(), original);
        assertRefused(validate(), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure",
                "more than one HCP assertion");
    }

    @Test
    void xsw4_originalWrappedInsideTheEvilAssertion() {
        prepare();
        Element evil = evilWithoutSignature();
        security.replaceChild(evil, original);
        evil.appendChild(original);
        assertRefused(validate(), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header", "wrapping");
    }

    @Test
    void xsw5_evilContentUnderTheOriginalSignatureWithTheOriginalElsewhere() {
        prepare();
        Element evil = evilCopy();
        security.replaceChild(evil, original);
        // The untouched original rides in another SOAP header block, out of the Security header.
        Element block = envelope.createElementNS("urn:example:wrapper", "w:Wrapper");
        security.getParentNode().appendChild(block);
        block.appendChild(original);
        assertRefused(validate(), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "unique-id", "occurs 2 times");
    }

    @Test
    void xsw6_originalInsideTheSignatureOfTheEvilAssertion() {
        prepare();
        Element evil = evilCopy();
        Element signature = (Element) evil.getElementsByTagNameNS(DSIG, "Signature").item(0);
        security.replaceChild(evil, original);
        Element object = envelope.createElementNS(DSIG, "ds:Object");
        object.appendChild(original);
        signature.insertBefore(object, signature.getFirstChild());
        assertRefused(validate(), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header", "wrapping");
    }

    @Test
    void xsw7_originalInAnExtensionElementOfTheSecurityHeader() {
        prepare();
        Element evil = evilWithoutSignature();
        security.replaceChild(evil, original);
        Element extension = envelope.createElementNS("urn:example:ext", "x:Extensions");
        security.appendChild(extension);
        extension.appendChild(original);
        assertRefused(validate(), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header", "wrapping");
    }

    @Test
    void xsw8_originalInAnObjectInsideTheEvilSignatureWithoutItsOwnSignature() {
        prepare();
        Element evil = evilCopy();
        Element signature = (Element) evil.getElementsByTagNameNS(DSIG, "Signature").item(0);
        security.replaceChild(evil, original);
        Element object = envelope.createElementNS(DSIG, "ds:Object");
        signature.appendChild(object);
        Element originalSignature = (Element) original.getElementsByTagNameNS(DSIG, "Signature").item(0);
        original.removeChild(originalSignature);
        object.appendChild(original);
        assertRefused(validate(), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header", "wrapping");
    }

    @Test
    void originalInTheSoapBodyAndEvilInTheHeader() {
        prepare();
        Element evil = evilCopy();
        security.replaceChild(evil, original);
        envelope.getElementsByTagNameNS(SoapEnvelopes.SOAP12_NS, "Body").item(0).appendChild(original);
        assertRefused(validate(), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "unique-id", "occurs 2 times");
    }

    @Test
    void evilAssertionWithItsOwnIdPointingItsSignatureAtTheOriginal() {
        prepare();
        Element evil = evilCopy();
        evil.setAttributeNS(null, "ID", "_evil");
        security.replaceChild(evil, original);
        envelope.getElementsByTagNameNS(SoapEnvelopes.SOAP12_NS, "Body").item(0).appendChild(original);
        assertRefused(validate(), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                "references another element than the assertion");
    }

    @Test
    void duplicateIdOnAnyOtherElementOfTheMessage() {
        prepare();
        Element body = (Element) envelope.getElementsByTagNameNS(SoapEnvelopes.SOAP12_NS, "Body").item(0);
        Element decoy = envelope.createElementNS("urn:example", "x:Decoy");
        decoy.setAttributeNS(null, "ID", original.getAttribute("ID"));
        body.appendChild(decoy);
        assertRefused(validate(), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "unique-id", "occurs 2 times");
    }

    @Test
    void twoSecurityHeaders() {
        prepare();
        Element second = envelope.createElementNS(SoapEnvelopes.WSSE_NS, "wsse:Security");
        security.getParentNode().insertBefore(second, security);
        second.appendChild(evilWithoutSignature());
        original.setAttributeNS(null, "ID", original.getAttribute("ID"));
        assertRefused(validate(), EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header",
                "more than one Security header");
    }
}

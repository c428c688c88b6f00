package fr.passerelle.trust.xml;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Verifies the one enveloped XML signature of an element (a SAML assertion) and returns the certificate
 * that signed it. The signature must cover exactly that element: one reference, {@code URI="#<its ID>"},
 * enveloped + exclusive C14N transforms only, strong algorithms, one certificate in KeyInfo. Santuario runs in
 * secure-validation mode; our checks come first so a hostile signature never reaches the crypto.
 * <p>
 * The caller must already have made sure the element's ID is unique in its document (see
 * {@code RequestValidator}); this class then also checks that the reference resolved to this very element.
 */
public final class EnvelopedSignatureVerifier {

    public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String EXC_C14N_NS = SignatureAlgorithms.EXC_C14N;
    private static final int MAX_TRANSFORMS = 5;

    static {
        Init.init();
    }

    /**
     * @param signed          the signed element; its signature must be a direct child
     * @param idAttributeName the local name of its unqualified ID attribute ({@code ID} for SAML 2.0)
     * @return the certificate carried in KeyInfo whose key verified the signature
     */
    public X509Certificate verify(Element signed, String idAttributeName) throws SignatureRefusedException {
        String id = signed.getAttributeNS(null, idAttributeName);
        if (id.isEmpty()) {
            throw new SignatureRefusedException("the signed element has no " + idAttributeName);
        }
        Element signature = singleSignature(signed);
        Element signedInfo = onlyChild(signature, "SignedInfo", "Signature has no single SignedInfo");
        checkSignedInfo(signedInfo, id);
        for (Element child : children(signature)) {
            String name = child.getLocalName();
            if (!DSIG_NS.equals(child.getNamespaceURI())
                    || !(name.equals("SignedInfo") || name.equals("SignatureValue") || name.equals("KeyInfo"))) {
                throw new SignatureRefusedException("Signature contains an unexpected " + name
                        + " element (Object and Manifest are not accepted)");
            }
        }
        Element signatureValue = onlyChild(signature, "SignatureValue", "Signature has no single SignatureValue");
        if (signatureValue.getTextContent().isBlank()) {
            throw new SignatureRefusedException("SignatureValue is empty");
        }
        X509Certificate certificate = keyInfoCertificate(signature);
        checkKeyStrength(certificate.getPublicKey());

        signed.setIdAttributeNS(null, idAttributeName, true);
        try {
            XMLSignature xmlSignature = new XMLSignature(signature, "", true);
            if (!xmlSignature.checkSignatureValue(certificate.getPublicKey())) {
                throw new SignatureRefusedException("the signature value or the digest does not match");
            }
            Reference reference = xmlSignature.getSignedInfo().item(0);
            XMLSignatureInput covered = reference.getContentsBeforeTransformation();
            Node coveredNode = covered == null ? null : covered.getSubNode();
            if (coveredNode != signed) {
                throw new SignatureRefusedException("the signature covers another element than the one used");
            }
        } catch (XMLSecurityException | RuntimeException e) {
            throw new SignatureRefusedException("the signature does not verify: " + e.getMessage(), e);
        }
        return certificate;
    }

    private static Element singleSignature(Element signed) throws SignatureRefusedException {
        List<Element> direct = new ArrayList<>();
        for (Element child : children(signed)) {
            if (DSIG_NS.equals(child.getNamespaceURI()) && "Signature".equals(child.getLocalName())) {
                direct.add(child);
            }
        }
        if (direct.isEmpty()) {
            throw new SignatureRefusedException("the assertion is not signed");
        }
        NodeList all = signed.getElementsByTagNameNS(DSIG_NS, "Signature");
        if (direct.size() > 1 || all.getLength() > 1) {
            throw new SignatureRefusedException("the assertion carries more than one Signature");
        }
        return direct.get(0);
    }

    private static void checkSignedInfo(Element signedInfo, String id) throws SignatureRefusedException {
        Element c14n = onlyChild(signedInfo, "CanonicalizationMethod", "SignedInfo has no single CanonicalizationMethod");
        String c14nAlgorithm = c14n.getAttributeNS(null, "Algorithm");
        if (!SignatureAlgorithms.CANONICALIZATIONS.contains(c14nAlgorithm)) {
            throw new SignatureRefusedException("canonicalization " + c14nAlgorithm + " is not accepted");
        }
        Element method = onlyChild(signedInfo, "SignatureMethod", "SignedInfo has no single SignatureMethod");
        String algorithm = method.getAttributeNS(null, "Algorithm");
        if (!SignatureAlgorithms.SIGNATURES.contains(algorithm)) {
            throw new SignatureRefusedException("signature algorithm " + algorithm + " is not accepted");
        }
        if (!children(method).isEmpty()) {
            throw new SignatureRefusedException("SignatureMethod parameters (HMACOutputLength) are not accepted");
        }
        List<Element> references = childrenNamed(signedInfo, "Reference");
        if (references.size() != 1) {
            throw new SignatureRefusedException("the signature must have exactly one Reference, not "
                    + references.size());
        }
        Element reference = references.get(0);
        if (reference.hasAttributeNS(null, "Type")) {
            throw new SignatureRefusedException("a typed Reference (Manifest) is not accepted");
        }
        String uri = reference.getAttributeNS(null, "URI");
        if (!uri.equals("#" + id)) {
            throw new SignatureRefusedException(uri.startsWith("#") || uri.isEmpty()
                    ? "the signature references another element than the assertion"
                    : "external references are not accepted");
        }
        checkTransforms(reference);
        Element digest = onlyChild(reference, "DigestMethod", "Reference has no single DigestMethod");
        String digestAlgorithm = digest.getAttributeNS(null, "Algorithm");
        if (!SignatureAlgorithms.DIGESTS.contains(digestAlgorithm)) {
            throw new SignatureRefusedException("digest algorithm " + digestAlgorithm + " is not accepted");
        }
    }

    private static void checkTransforms(Element reference) throws SignatureRefusedException {
        Element transforms = onlyChild(reference, "Transforms", "Reference has no Transforms");
        List<Element> list = childrenNamed(transforms, "Transform");
        if (list.size() > MAX_TRANSFORMS) {
            throw new SignatureRefusedException("more than " + MAX_TRANSFORMS + " transforms");
        }
        if (children(transforms).size() != list.size()) {
            throw new SignatureRefusedException("Transforms contains something else than Transform");
        }
        if (list.isEmpty() || !SignatureAlgorithms.ENVELOPED.equals(list.get(0).getAttributeNS(null, "Algorithm"))) {
            throw new SignatureRefusedException("the first transform must be the enveloped-signature transform");
        }
        int c14nCount = 0;
        for (Element transform : list) {
            String algorithm = transform.getAttributeNS(null, "Algorithm");
            if (!SignatureAlgorithms.TRANSFORMS.contains(algorithm)) {
                throw new SignatureRefusedException("transform " + algorithm + " is not accepted");
            }
            for (Element parameter : children(transform)) {
                boolean inclusiveNamespaces = SignatureAlgorithms.EXC_C14N.equals(algorithm)
                        && EXC_C14N_NS.equals(parameter.getNamespaceURI())
                        && "InclusiveNamespaces".equals(parameter.getLocalName());
                if (!inclusiveNamespaces) {
                    throw new SignatureRefusedException("transform parameter " + parameter.getLocalName()
                            + " is not accepted");
                }
            }
            if (SignatureAlgorithms.EXC_C14N.equals(algorithm)) {
                c14nCount++;
            }
        }
        if (list.size() != 2 || c14nCount != 1) {
            throw new SignatureRefusedException("the transforms must be exactly enveloped-signature then exclusive C14N");
        }
    }

    private static X509Certificate keyInfoCertificate(Element signature) throws SignatureRefusedException {
        Element keyInfo = onlyChild(signature, "KeyInfo", "Signature has no single KeyInfo");
        List<Element> keyInfoChildren = children(keyInfo);
        if (keyInfoChildren.size() != 1 || !isDsig(keyInfoChildren.get(0), "X509Data")) {
            throw new SignatureRefusedException("KeyInfo must hold exactly one X509Data (no KeyName, KeyValue or "
                    + "RetrievalMethod)");
        }
        List<Element> data = children(keyInfoChildren.get(0));
        if (data.size() != 1 || !isDsig(data.get(0), "X509Certificate")) {
            throw new SignatureRefusedException("X509Data must hold exactly one X509Certificate");
        }
        String base64 = data.get(0).getTextContent().replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw new SignatureRefusedException("the KeyInfo certificate cannot be read", e);
        }
    }

    private static void checkKeyStrength(PublicKey key) throws SignatureRefusedException {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < SignatureAlgorithms.MIN_RSA_BITS) {
            throw new SignatureRefusedException("RSA key shorter than " + SignatureAlgorithms.MIN_RSA_BITS + " bits");
        }
        if (key instanceof ECPublicKey ec
                && ec.getParams().getCurve().getField().getFieldSize() < SignatureAlgorithms.MIN_EC_BITS) {
            throw new SignatureRefusedException("EC key shorter than " + SignatureAlgorithms.MIN_EC_BITS + " bits");
        }
    }

    private static Element onlyChild(Element parent, String localName, String complaint)
            throws SignatureRefusedException {
        List<Element> found = childrenNamed(parent, localName);
        if (found.size() != 1) {
            throw new SignatureRefusedException(complaint);
        }
        return found.get(0);
    }

    private static List<Element> childrenNamed(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Element child : children(parent)) {
            if (isDsig(child, localName)) {
                found.add(child);
            }
        }
        return found;
    }

    private static boolean isDsig(Element element, String localName) {
        return DSIG_NS.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                found.add(element);
            }
        }
        return found;
    }
}

package fr.passerelle.trust.xml;

import java.util.Set;

/**
 * The algorithm identifiers a signature may use. Anything not listed is refused: SHA-1, MD5, HMAC (a shared
 * secret proves nothing about a country), C14N with comments, inclusive C14N, XPath and XSLT transforms.
 */
public final class SignatureAlgorithms {

    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String RSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
    public static final String RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    public static final String RSA_PSS_SHA256 = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";
    public static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public static final String ECDSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384";
    public static final String ECDSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512";

    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    public static final String SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";

    public static final Set<String> CANONICALIZATIONS = Set.of(EXC_C14N);
    public static final Set<String> SIGNATURES = Set.of(RSA_SHA256, RSA_SHA384, RSA_SHA512, RSA_PSS_SHA256,
            ECDSA_SHA256, ECDSA_SHA384, ECDSA_SHA512);
    public static final Set<String> DIGESTS = Set.of(SHA256, SHA384, SHA512);
    public static final Set<String> TRANSFORMS = Set.of(ENVELOPED, EXC_C14N);

    /** Smallest accepted RSA modulus and EC field, in bits. */
    public static final int MIN_RSA_BITS = 2048;
    public static final int MIN_EC_BITS = 256;

    private SignatureAlgorithms() {
    }
}

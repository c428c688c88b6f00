package fr.passerelle.trust.issue;

import fr.passerelle.trust.xml.SignatureAlgorithms;
import java.util.List;

/**
 * How an assertion is signed. {@link #ehdsi()} is what OpenNCP sends (RSA-SHA256, SHA-256, enveloped + exclusive
 * C14N with {@code InclusiveNamespaces PrefixList="xsd"}); tests vary it to produce the signatures that must
 * be refused.
 *
 * @param transforms transform algorithm URIs in order; exclusive C14N gets the prefix list when one is given
 */
public record SigningProfile(String signatureAlgorithm, String digestAlgorithm, String canonicalization,
        List<String> transforms, String inclusivePrefixList) {

    public SigningProfile {
        transforms = List.copyOf(transforms);
    }

    public static SigningProfile ehdsi() {
        return new SigningProfile(SignatureAlgorithms.RSA_SHA256, SignatureAlgorithms.SHA256,
                SignatureAlgorithms.EXC_C14N, List.of(SignatureAlgorithms.ENVELOPED, SignatureAlgorithms.EXC_C14N),
                "xsd");
    }
}

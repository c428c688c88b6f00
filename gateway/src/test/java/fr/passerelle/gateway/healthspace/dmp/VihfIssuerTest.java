package fr.passerelle.gateway.healthspace.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.trust.assertion.PurposeOfUse;
import fr.passerelle.trust.xml.SignatureRefusedException;
import fr.passerelle.gateway.ihe.XmlTree;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The VIHF: attributes derived from the verified requester and Passerelle's identity, signed so trust verifies it. */
class VihfIssuerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    @TempDir
    static Path keys;
    private static DmpTestPki pki;
    private static VihfIssuer issuer;

    @BeforeAll
    static void keys() {
        pki = DmpTestPki.create(keys);
        KeyStore store = SigningCredential.loadKeyStore(pki.organisationKeyStore.toString(), "PKCS12",
                DmpTestPki.PASSWORD);
        DmpProperties properties = DmpFixtures.properties(pki, "http://localhost", null);
        issuer = new VihfIssuer(properties.identity(), SigningCredential.from(store, null, DmpTestPki.PASSWORD),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aDoctorsVihfCarriesEveryAttributeAndVerifies() throws Exception {
        Element vihf = issuer.issue(DmpFixtures.doctor(), DmpFixtures.PATIENT, DmpOperation.FIND_DOCUMENTS);

        assertThat(VihfAssertions.verifiedSigner(vihf)).isEqualTo(pki.organisationCertificate);
        assertThat(vihf.getAttribute("IssueInstant")).isEqualTo("2026-11-23T10:15:30Z");
        Element issuerElement = child(vihf, "Issuer");
        assertThat(issuerElement.getTextContent())
                .isEqualTo(pki.organisationCertificate.getSubjectX500Principal().getName());
        assertThat(issuerElement.getAttribute("Format"))
                .isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName");
        assertThat(child(child(vihf, "Subject"), "NameID").getTextContent()).isEqualTo("AT/HCP-4711");
        Element conditions = child(vihf, "Conditions");
        assertThat(conditions.getAttribute("NotOnOrAfter")).isEqualTo("2026-11-23T10:20:30Z");

        Map<String, List<String>> attributes = VihfAssertions.attributes(vihf);
        assertThat(attributes).containsEntry("VIHF_Version", List.of("3.0"))
                .containsEntry("Authentification_Mode", List.of("INDIRECTE"))
                .containsEntry("Identifiant_Structure", List.of("3180036000012"))
                .containsEntry("Secteur_Activite", List.of("SA29^1.2.250.1.71.4.2.4"))
                .containsEntry("urn:oasis:names:tc:xspa:1.0:subject:subject-id",
                        List.of("Anna Berger (AT, Universitätsklinikum Wien)"))
                .containsEntry("urn:oasis:names:tc:xacml:2.0:subject:role",
                        List.of("10@1.2.250.1.71.1.2.7", "G15_10/SM26@1.2.250.1.213.1.1.4.5"))
                .containsEntry("urn:oasis:names:tc:xacml:2.0:resource:resource-id",
                        List.of("279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH"))
                .containsEntry("Ressource_URN", List.of("urn:dmp"))
                .containsEntry("urn:oasis:names:tc:xspa:1.0:subject:purposeofuse",
                        List.of("normal@1.2.250.1.213.1.1.4.248"))
                .containsEntry("LPS_Nom", List.of("Passerelle"))
                .containsEntry("LPS_Version", List.of("0.1.0"))
                .containsEntry("LPS_ID_HOMOLOGATION_DMP", List.of("DMP-HOMOL-TEST"));
    }

    @Test
    void anEmergencyAccessIsBrisDeGlace() {
        Element vihf = issuer.issue(DmpFixtures.requester(PurposeOfUse.EMERGENCY, "2211"), DmpFixtures.PATIENT,
                DmpOperation.FIND_DOCUMENTS);

        assertThat(VihfAssertions.attributes(vihf).get("urn:oasis:names:tc:xspa:1.0:subject:purposeofuse"))
                .containsExactly("bris_de_glace@1.2.250.1.213.1.1.4.248");
    }

    @Test
    void professionsFollowTheIscoCodeAndOnlyDoctorsGetADefaultSpecialty() {
        assertThat(roles("2262")).containsExactly("21@1.2.250.1.71.1.2.7");
        assertThat(roles("2221")).containsExactly("60@1.2.250.1.71.1.2.7");
        assertThat(roles("2212")).as("a specialist doctor is a doctor").startsWith("10@1.2.250.1.71.1.2.7");
        assertThatThrownBy(() -> issuer.issue(DmpFixtures.requester(PurposeOfUse.TREATMENT, "3256"),
                DmpFixtures.PATIENT, DmpOperation.GET_DOCUMENTS))
                .isInstanceOfSatisfying(DmpFailure.class, f -> assertThat(f.kind())
                        .isEqualTo(DmpFailure.Kind.ACCESS_REFUSED));
    }

    @Test
    void anAlteredVihfNoLongerVerifies() {
        Element vihf = issuer.issue(DmpFixtures.doctor(), DmpFixtures.PATIENT, DmpOperation.FIND_DOCUMENTS);
        var values = vihf.getElementsByTagNameNS(VihfIssuer.SAML_NS, "AttributeValue");
        for (int i = 0; i < values.getLength(); i++) {
            if (values.item(i).getTextContent().startsWith("279035121518989")) {
                values.item(i).setTextContent("177035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH");
            }
        }

        assertThatThrownBy(() -> VihfAssertions.verifiedSigner(vihf)).isInstanceOf(SignatureRefusedException.class);
    }

    private static List<String> roles(String isco) {
        return VihfAssertions.attributes(issuer.issue(DmpFixtures.requester(PurposeOfUse.TREATMENT, isco),
                DmpFixtures.PATIENT, DmpOperation.FIND_DOCUMENTS)).get("urn:oasis:names:tc:xacml:2.0:subject:role");
    }

    private static Element child(Element parent, String name) {
        return XmlTree.child(parent, VihfIssuer.SAML_NS, name).orElseThrow();
    }
}

package fr.passerelle.trust;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.trust.assertion.PurposeOfUse;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SigningProfile;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.replay.CachingReplayGuard;
import fr.passerelle.trust.replay.InMemoryReplayStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Temporary: the restructured validator against a copy of the old one, on random requests with many faults. */
class LegacyEquivalenceTest {

    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final DemoPki OTHER = DemoPki.generate(TrustFixture.NOW, Duration.ofDays(30), List.of("ES"));
    private final TrustFixture fixture = new TrustFixture();

    @Test
    void sameDiagnosisAndVerdictOnRandomFaultyRequests() {
        Random random = new Random(Long.getLong("equivalence.seed", 21L));
        Map<String, Integer> outcomes = new TreeMap<>();
        int cases = Integer.getInteger("equivalence.cases", 600);
        for (int i = 0; i < cases; i++) {
            Case c = new Case(random);
            Document envelope = TrustFixture.roundTrip(c.build());
            Element container = c.container(envelope);
            Clock clock = Clock.fixed(TrustFixture.NOW.plus(c.shift), ZoneOffset.UTC);
            TrustSettings settings = c.oneUse ? TrustSettings.ehdsiDefaults()
                    : TrustSettings.ehdsiDefaults().withOneUseAssertions(false);
            RequestValidator now = new RequestValidator(settings, fixture.trustList,
                    new CachingReplayGuard(new InMemoryReplayStore(), clock, 100), clock);
            LegacyRequestValidator before = new LegacyRequestValidator(settings, fixture.trustList,
                    new CachingReplayGuard(new InMemoryReplayStore(), clock, 100), clock);
            for (int round = 0; round < (c.twice ? 2 : 1); round++) {
                Diagnosis a = now.diagnose(container, c.transaction, Optional.ofNullable(c.patient));
                Diagnosis b = before.diagnose(container, c.transaction, Optional.ofNullable(c.patient));
                assertThat(a.checks()).as("case %d %s", i, c).isEqualTo(b.checks());
                assertThat(a.validation().toString()).as("case %d %s", i, c).isEqualTo(b.validation().toString());
                Validation x = now.validate(container, c.transaction, c.patient);
                Validation y = before.validate(container, c.transaction, c.patient);
                assertThat(x.toString()).as("case %d %s", i, c).isEqualTo(y.toString());
                String key = (x instanceof Refusal r ? r.check() + " " + r.error() : "accepted")
                        + (a.validation() instanceof Refusal r ? " / diagnose " + r.check() : " / diagnose accepted");
                outcomes.merge(key, 1, Integer::sum);
            }
        }
        System.out.println("equivalence seed " + Long.getLong("equivalence.seed", 21L) + " outcomes: " + outcomes);
        assertThat(outcomes.keySet()).hasSizeGreaterThan(12);
    }

    /** One random request: each fault applies with its own chance, so most requests fail several checks. */
    private final class Case {
        final Random r;
        final boolean noSecurity, secondSecurity, twoMessageIds, noTrc, secondHcp, version11, comment, duplicateId,
                tamperHcp, tamperTrc, untrustedHcp, trcFromItaly, bearer, trcAudience, noOrganisationId,
                trcOtherHcp, trcOtherPractitioner, trcEmergency, hcpEmergency, nonClinical, noPermission, nok,
                nokOtherHcp, longHcp, twice, oneUse;
        final Duration shift;
        final Transaction transaction;
        final String patient;
        final int containerKind;

        Case(Random r) {
            this.r = r;
            noSecurity = p(0.03);
            secondSecurity = p(0.03);
            twoMessageIds = p(0.05);
            noTrc = p(0.12);
            secondHcp = p(0.06);
            version11 = p(0.06);
            comment = p(0.06);
            duplicateId = p(0.08);
            tamperHcp = p(0.08);
            tamperTrc = p(0.08);
            untrustedHcp = p(0.08);
            trcFromItaly = p(0.08);
            bearer = p(0.1);
            trcAudience = p(0.1);
            noOrganisationId = p(0.1);
            trcOtherHcp = p(0.1);
            trcOtherPractitioner = p(0.1);
            trcEmergency = p(0.15);
            hcpEmergency = p(0.15);
            nonClinical = p(0.12);
            noPermission = p(0.12);
            nok = p(0.2);
            nokOtherHcp = p(0.5);
            longHcp = p(0.08);
            twice = p(0.2);
            oneUse = p(0.7);
            shift = pick(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                    Duration.ofHours(2).plusSeconds(61), Duration.ofHours(5), Duration.ofSeconds(-61));
            transaction = pick(Transaction.XCA_QUERY, Transaction.XCA_QUERY, Transaction.XCPD, Transaction.XDR,
                    Transaction.XCA_RETRIEVE, Transaction.FHIR_PATIENT_SEARCH, Transaction.FHIR_DOCUMENT);
            patient = pick(TrustFixture.PATIENT, TrustFixture.PATIENT, TrustFixture.PATIENT,
                    "999^^^&1.2.250.1.213.1.4.10&ISO", null);
            containerKind = r.nextInt(5);
        }

        private boolean p(double chance) {
            return r.nextDouble() < chance;
        }

        @SafeVarargs
        private <T> T pick(T... values) {
            return values[r.nextInt(values.length)];
        }

        Document build() {
            Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCA_QUERY);
            Element security = SoapEnvelopes.security(envelope);
            AssertionIssuer es = fixture.issuer("ES");
            HcpClaims doctor = HcpClaims.demoDoctor("ES");
            if (nonClinical) {
                doctor = doctor.withRole("4226", "Receptionists");
            } else if (r.nextInt(4) == 0) {
                doctor = doctor.withRole("2262", "Pharmacists");
            }
            if (hcpEmergency) {
                doctor = doctor.withPurpose(PurposeOfUse.EMERGENCY);
            }
            if (noPermission) {
                doctor = doctor.withPermissions(List.of("PRD-016"));
            }
            if (longHcp) {
                doctor = doctor.withLifetime(Duration.ofHours(5));
            }
            Element hcp = es.buildHcp(security, doctor);
            if (version11) {
                hcp.setAttribute("Version", "1.1");
            }
            if (bearer) {
                ((Element) hcp.getElementsByTagNameNS(SAML, "SubjectConfirmation").item(0))
                        .setAttribute("Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
            }
            if (noOrganisationId) {
                Element attribute = attribute(hcp, "urn:oasis:names:tc:xspa:1.0:subject:organization-id");
                attribute.getParentNode().removeChild(attribute);
            }
            CountrySigner hcpSigner = untrustedHcp ? OTHER.signer("ES") : TrustFixture.PKI.signer("ES");
            AssertionIssuer.sign(hcp, SigningProfile.ehdsi(), hcpSigner);
            if (!noTrc) {
                AssertionIssuer trcIssuer = trcFromItaly ? fixture.issuer("IT") : es;
                TrcClaims claims = TrcClaims.treating(TrustFixture.PATIENT);
                if (trcEmergency) {
                    claims = claims.withPurpose(PurposeOfUse.EMERGENCY);
                }
                Element trc = trcIssuer.buildTrc(security, claims,
                        trcOtherPractitioner ? "someone@else" : doctor.practitionerId(),
                        trcOtherHcp ? "_another" : hcp.getAttribute("ID"));
                if (trcAudience) {
                    trc.getElementsByTagNameNS(SAML, "Audience").item(0).setTextContent("urn:some:other:service");
                }
                trcIssuer.sign(trc, SigningProfile.ehdsi());
                if (tamperTrc) {
                    attribute(trc, "urn:oasis:names:tc:xacml:1.0:resource:resource-id")
                            .getElementsByTagNameNS(SAML, "AttributeValue").item(0).setTextContent("1^^^&1.2&ISO");
                }
            }
            if (secondHcp) {
                es.hcp(security, HcpClaims.demoDoctor("ES"));
            }
            if (nok) {
                es.nok(security, "nok-1", Map.of("urn:x", "y"), nokOtherHcp ? "_other" : hcp.getAttribute("ID"));
            }
            if (tamperHcp) {
                attribute(hcp, "urn:oasis:names:tc:xspa:1.0:subject:subject-id")
                        .getElementsByTagNameNS(SAML, "AttributeValue").item(0).setTextContent("Mallory");
            }
            if (comment) {
                Element nameId = (Element) hcp.getElementsByTagNameNS(SAML, "NameID").item(0);
                nameId.appendChild(envelope.createComment("x"));
            }
            Element header = (Element) security.getParentNode();
            if (duplicateId) {
                Element body = (Element) header.getNextSibling();
                Element decoy = envelope.createElementNS("urn:decoy", "d:decoy");
                decoy.setAttribute("ID", hcp.getAttribute("ID"));
                body.appendChild(decoy);
            }
            if (twoMessageIds) {
                header.insertBefore(header.getElementsByTagNameNS(SoapEnvelopes.WSA_NS, "MessageID").item(0)
                        .cloneNode(true), security);
            }
            if (secondSecurity) {
                header.appendChild(envelope.createElementNS(SoapEnvelopes.WSSE_NS, "wsse:Security"));
            }
            if (noSecurity) {
                header.removeChild(security);
            }
            return envelope;
        }

        Element container(Document envelope) {
            Element security = SoapEnvelopes.security(envelope);
            return switch (containerKind) {
                case 1 -> (Element) envelope.getDocumentElement().getFirstChild();
                case 2 -> security != null ? security : envelope.getDocumentElement();
                case 3 -> security != null && security.getFirstChild() instanceof Element first ? first
                        : envelope.getDocumentElement();
                default -> envelope.getDocumentElement();
            };
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(transaction + " patient=" + patient + " shift=" + shift
                    + " container=" + containerKind);
            for (var field : Case.class.getDeclaredFields()) {
                if (field.getType() == boolean.class) {
                    try {
                        if (field.getBoolean(this)) {
                            out.append(' ').append(field.getName());
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return out.toString();
        }
    }

    private static Element attribute(Element assertion, String name) {
        var attributes = assertion.getElementsByTagNameNS(SAML, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (name.equals(attribute.getAttribute("Name"))) {
                return attribute;
            }
        }
        throw new IllegalArgumentException(name);
    }
}

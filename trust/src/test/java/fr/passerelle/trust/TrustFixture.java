package fr.passerelle.trust;

import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.CountrySigner;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.replay.CachingReplayGuard;
import fr.passerelle.trust.replay.InMemoryReplayStore;
import fr.passerelle.trust.replay.ReplayGuard;
import fr.passerelle.trust.trustlist.DirectoryTrustList;
import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.UnsafeXmlException;
import fr.passerelle.trust.xml.XmlLimits;
import fr.passerelle.trust.xml.XmlSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A demo PKI (generated once per JVM), a trust list for ES, IT and DE holding the demo CA, a fixed clock, and
 * helpers to issue a valid HCP + TRC pair in a SOAP envelope.
 */
public final class TrustFixture {

    public static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    public static final String PATIENT = "1234567890123^^^&1.2.250.1.213.1.4.10&ISO";
    public static final DemoPki PKI = DemoPki.generate(NOW, Duration.ofDays(365), List.of("ES", "IT", "DE"));
    private static Path trustListDir;

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final DirectoryTrustList trustList;
    public final InMemoryReplayStore replayStore = new InMemoryReplayStore();

    public TrustFixture() {
        this.trustList = new DirectoryTrustList(trustListDirectory(), clock, Duration.ofSeconds(5));
    }

    public static synchronized Path trustListDirectory() {
        if (trustListDir == null) {
            try {
                trustListDir = Files.createTempDirectory("trust-list");
                PKI.writeTrustList(trustListDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return trustListDir;
    }

    public RequestValidator validator() {
        return validator(TrustSettings.ehdsiDefaults());
    }

    public RequestValidator validator(TrustSettings settings) {
        ReplayGuard guard = new CachingReplayGuard(replayStore, clock, 10_000);
        return new RequestValidator(settings, trustList, guard, clock);
    }

    public AssertionIssuer issuer(String country) {
        return new AssertionIssuer(PKI.signer(country), clock);
    }

    public AssertionIssuer issuer(CountrySigner signer) {
        return new AssertionIssuer(signer, clock);
    }

    /** A fresh envelope with a valid ES HCP + TRC pair for {@link #PATIENT}. */
    public Document validPair() {
        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCA_QUERY);
        Element security = SoapEnvelopes.security(envelope);
        AssertionIssuer issuer = issuer("ES");
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        Element hcp = issuer.hcp(security, doctor);
        issuer.trc(security, TrcClaims.treating(PATIENT), doctor.practitionerId(), hcp.getAttribute("ID"));
        return envelope;
    }

    /** Serialises and re-parses, as a message crosses the wire. */
    public static Document roundTrip(Document document) {
        try {
            return new HardenedXml(XmlLimits.ENVELOPE).parse(XmlSerializer.toBytes(document));
        } catch (UnsafeXmlException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Element hcpOf(Document envelope) {
        return (Element) SoapEnvelopes.security(envelope).getElementsByTagNameNS(
                "urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0);
    }

    public static Element trcOf(Document envelope) {
        return (Element) SoapEnvelopes.security(envelope).getElementsByTagNameNS(
                "urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(1);
    }
}

package fr.passerelle.gateway.trust;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import fr.passerelle.trust.Refusal;
import fr.passerelle.trust.RequestValidator;
import fr.passerelle.trust.Transaction;
import fr.passerelle.trust.TrustSettings;
import fr.passerelle.trust.Validation;
import fr.passerelle.trust.VerifiedRequester;
import fr.passerelle.trust.issue.AssertionIssuer;
import fr.passerelle.trust.issue.DemoPki;
import fr.passerelle.trust.issue.HcpClaims;
import fr.passerelle.trust.issue.SoapEnvelopes;
import fr.passerelle.trust.issue.TrcClaims;
import fr.passerelle.trust.replay.CachingReplayGuard;
import fr.passerelle.trust.trustlist.DirectoryTrustList;
import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.XmlLimits;
import fr.passerelle.trust.xml.XmlSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A whole request replayed to a second gateway node that shares the database: refused there. */
class TwoNodeValidationTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    private static final String PATIENT = "1234567890123^^^&1.2.250.1.213.1.4.10&ISO";
    private static final DemoPki PKI = DemoPki.generate(NOW, Duration.ofDays(30), List.of("ES"));

    @DatabaseTest
    void replayedRequestIsRefusedOnTheOtherNode(TestDatabase db) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Path trustListDir = Files.createTempDirectory("trust-list");
        PKI.writeTrustList(trustListDir);
        DirectoryTrustList trustList = new DirectoryTrustList(trustListDir, clock, Duration.ofSeconds(10));
        RequestValidator nodeA = new RequestValidator(TrustSettings.ehdsiDefaults(), trustList,
                new CachingReplayGuard(new JdbcReplayStore(db.dataSource()), clock, 1_000), clock);
        RequestValidator nodeB = new RequestValidator(TrustSettings.ehdsiDefaults(), trustList,
                new CachingReplayGuard(new JdbcReplayStore(db.dataSource()), clock, 1_000), clock);

        Document envelope = SoapEnvelopes.envelope(SoapEnvelopes.ACTION_XCA_QUERY);
        Element security = SoapEnvelopes.security(envelope);
        AssertionIssuer issuer = new AssertionIssuer(PKI.signer("ES"), clock);
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        Element hcp = issuer.hcp(security, doctor);
        issuer.trc(security, TrcClaims.treating(PATIENT), doctor.practitionerId(), hcp.getAttribute("ID"));
        byte[] wire = XmlSerializer.toBytes(envelope);
        HardenedXml parser = new HardenedXml(XmlLimits.ENVELOPE);

        Validation first = nodeA.validate(parser.parse(wire), Transaction.XCA_QUERY, PATIENT);
        Validation replay = nodeB.validate(parser.parse(wire), Transaction.XCA_QUERY, PATIENT);

        assertThat(first).isInstanceOf(VerifiedRequester.class);
        assertThat(replay).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.check()).isEqualTo("replay");
            assertThat(refusal.reason()).isEqualTo("the message id was already used");
        });
    }
}

package fr.passerelle.trust;

import static fr.passerelle.trust.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.trust.replay.CachingReplayGuard;
import fr.passerelle.trust.replay.InMemoryReplayStore;
import fr.passerelle.trust.replay.ReplayGuard;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** An assertion id and a message id are accepted once while valid, on this node and on any node sharing the store. */
class ReplayTest {

    private final TrustFixture fixture = new TrustFixture();

    private static Document withNewMessageId(Document envelope) {
        Document copy = TrustFixture.roundTrip(envelope);
        Element messageId = (Element) copy.getElementsByTagNameNS("http://www.w3.org/2005/08/addressing",
                "MessageID").item(0);
        messageId.setTextContent("urn:uuid:" + java.util.UUID.randomUUID());
        return copy;
    }

    @Test
    void sameMessageTwiceOnTheSameNode() {
        Document envelope = fixture.validPair();
        RequestValidator validator = fixture.validator();
        assertThat(validator.validate(TrustFixture.roundTrip(envelope), Transaction.XCA_QUERY, TrustFixture.PATIENT))
                .isInstanceOf(VerifiedRequester.class);
        assertRefused(validator.validate(TrustFixture.roundTrip(envelope), Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "replay", "the message id was already used");
    }

    @Test
    void sameAssertionsUnderANewMessageId() {
        Document envelope = fixture.validPair();
        RequestValidator validator = fixture.validator();
        assertThat(validator.validate(TrustFixture.roundTrip(envelope), Transaction.XCA_QUERY, TrustFixture.PATIENT))
                .isInstanceOf(VerifiedRequester.class);
        assertRefused(validator.validate(withNewMessageId(envelope), Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "replay", "the HCP assertion was already used");
    }

    @Test
    void replayOnASecondNodeSharingTheStore() {
        Document envelope = fixture.validPair();
        RequestValidator first = fixture.validator();
        RequestValidator second = fixture.validator(); // its own cache, the same store
        assertThat(first.validate(TrustFixture.roundTrip(envelope), Transaction.XCA_QUERY, TrustFixture.PATIENT))
                .isInstanceOf(VerifiedRequester.class);
        assertRefused(second.validate(withNewMessageId(envelope), Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "replay", "the HCP assertion was already used");
    }

    @Test
    void sessionModeReusesAssertionsButNeverAMessageId() {
        Document envelope = fixture.validPair();
        TrustSettings d = TrustSettings.ehdsiDefaults();
        RequestValidator validator = fixture.validator(new TrustSettings(d.clockSkew(), d.maxHcpLifetime(),
                d.maxTrcLifetime(), d.maxNokLifetime(), d.audiences(), false, d.maxHeaderCharacters(),
                d.maxHeaderElements(), d.accessRules()));
        assertThat(validator.validate(TrustFixture.roundTrip(envelope), Transaction.XCA_QUERY, TrustFixture.PATIENT))
                .isInstanceOf(VerifiedRequester.class);
        assertThat(validator.validate(withNewMessageId(envelope), Transaction.XCA_QUERY, TrustFixture.PATIENT))
                .isInstanceOf(VerifiedRequester.class);
        assertRefused(validator.validate(TrustFixture.roundTrip(envelope), Transaction.XCA_QUERY, TrustFixture.PATIENT),
                EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "replay", "the message id was already used");
    }

    @Test
    void anIdIsFreeAgainOnceExpired() {
        InMemoryReplayStore store = new InMemoryReplayStore();
        ReplayTestClock clock = new ReplayTestClock(Instant.parse("2026-01-01T00:00:00Z"));
        ReplayGuard guard = new CachingReplayGuard(store, clock, 100);
        Instant expiry = clock.instant().plus(Duration.ofMinutes(5));
        assertThat(guard.firstUse("id-1", expiry)).isTrue();
        assertThat(guard.firstUse("id-1", expiry)).isFalse();
        clock.advance(Duration.ofMinutes(6));
        assertThat(guard.firstUse("id-1", clock.instant().plus(Duration.ofMinutes(5)))).isTrue();
    }
}

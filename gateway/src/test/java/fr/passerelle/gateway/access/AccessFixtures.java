package fr.passerelle.gateway.access;

import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentStatus;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.ConsentVersion;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.SharedDocuments;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Requests and consents the access and audit tests share. */
public final class AccessFixtures {

    public static final Ins PATIENT = new Ins(Ins.TEST_NIR, "280017512345678");
    public static final Ins OTHER_PATIENT = new Ins(Ins.TEST_NIR, "190037512345699");
    public static final Instant NOW = Instant.parse("2026-03-12T13:05:00Z");

    private AccessFixtures() {
    }

    public static Requester spanishGp() {
        return new Requester("ES", "urn:oid:2.16.724.4.40", "ES-12345", "2211", "Hospital X");
    }

    public static AccessRequest request(Requester requester, PurposeOfUse purpose, CrossBorderTransaction transaction,
                                        DocumentKind... kinds) {
        return new AccessRequest(requester, purpose, PATIENT,
                kinds.length == 0 ? Set.of() : EnumSet.of(kinds[0], kinds), transaction);
    }

    public static AccessRequest psRetrieve(Requester requester, PurposeOfUse purpose) {
        return request(requester, purpose, CrossBorderTransaction.DOCUMENT_RETRIEVE, DocumentKind.PATIENT_SUMMARY);
    }

    public static Optional<ConsentVersion> authorised(CountryScope countries, Optional<Instant> until,
                                                      SharedDocuments... documents) {
        return Optional.of(new ConsentVersion(PATIENT, 1, ConsentStatus.AUTHORISED,
                Optional.of(new ConsentTerms(countries, EnumSet.of(documents[0], documents), until)),
                NOW.minusSeconds(3600), "patient", ConsentChannel.PATIENT_API));
    }

    public static Optional<ConsentVersion> revoked() {
        return Optional.of(new ConsentVersion(PATIENT, 2, ConsentStatus.REVOKED, Optional.empty(), NOW.minusSeconds(60),
                "patient", ConsentChannel.PATIENT_API));
    }
}

package fr.passerelle.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.trust.VerifiedRequester;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A remote health space (the DMP) that fails or refuses: each use case answers with an eHDSI refusal instead of
 * letting the failure become a server error, and the health space sees on whose behalf it was called.
 */
class HealthSpaceFailureTest {

    private final VerifiedRequester requester = ExchangeRulesTest.treating(null);
    private final CrossBorderCall call = new CrossBorderCall(requester, "NCP-BE", "corr-1");
    private final List<Optional<VerifiedRequester>> seenCallers = new ArrayList<>();

    @Test
    void anOutageIsAnsweredAsTheHealthSpaceBeingUnavailable() {
        NationalHealthSpace failing = healthSpaceThrowing(new HealthSpaceUnavailableException("DMP timeout", null));

        IdentificationOutcome identified = new PatientIdentification(failing, null, null)
                .identify(call, PatientQuery.byIns(ExchangeRulesTest.PATIENT));
        ListingOutcome listed = new DocumentListing(failing, null)
                .list(call, ExchangeRulesTest.PATIENT, Set.of(DocumentKind.PATIENT_SUMMARY));

        assertThat(identified).isInstanceOfSatisfying(IdentificationOutcome.Refused.class, refused ->
                assertThat(refused.refusal().error()).isEqualTo(ExchangeError.HEALTH_SPACE_UNAVAILABLE));
        assertThat(listed).isInstanceOfSatisfying(ListingOutcome.Refused.class, refused -> {
            assertThat(refused.refusal().error()).isEqualTo(ExchangeError.HEALTH_SPACE_UNAVAILABLE);
            assertThat(refused.refusal().error().kind()).isEqualTo(ExchangeError.Kind.UNAVAILABLE);
        });
        assertThat(seenCallers).hasSize(2).allSatisfy(caller -> assertThat(caller).contains(requester));
        assertThat(HealthSpaceCaller.current()).as("the binding ends with the call").isEmpty();
    }

    @Test
    void aRefusalByTheHealthSpaceIsInsufficientRights() {
        NationalHealthSpace refusing = healthSpaceThrowing(new HealthSpaceUnavailableException("VIHF refused", null) {
            @Override
            public boolean refusedAccess() {
                return true;
            }
        });

        IdentificationOutcome outcome = new PatientIdentification(refusing, null, null)
                .identify(call, PatientQuery.byIns(ExchangeRulesTest.PATIENT));

        assertThat(outcome).isInstanceOfSatisfying(IdentificationOutcome.Refused.class, refused ->
                assertThat(refused.refusal().error()).isEqualTo(ExchangeError.INSUFFICIENT_RIGHTS));
    }

    private NationalHealthSpace healthSpaceThrowing(HealthSpaceUnavailableException failure) {
        return (NationalHealthSpace) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {NationalHealthSpace.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(this, args);
                    }
                    seenCallers.add(HealthSpaceCaller.current());
                    throw failure;
                });
    }
}

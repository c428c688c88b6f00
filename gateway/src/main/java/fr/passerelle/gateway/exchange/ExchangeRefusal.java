package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import java.util.Objects;

/**
 * Why a use case refused, as the requester is told.
 *
 * @param reason one sentence safe to send and to log: never clinical content or patient identifiers
 */
public record ExchangeRefusal(ExchangeError error, String reason) {

    public ExchangeRefusal {
        Objects.requireNonNull(error, "error");
        reason = Objects.requireNonNullElse(reason, error.description());
    }

    static ExchangeRefusal of(ExchangeError error) {
        return new ExchangeRefusal(error, error.description());
    }

    /** The refusal to send when the national health space failed or refused the call itself. */
    public static ExchangeRefusal of(HealthSpaceUnavailableException failure) {
        return failure.refusedAccess()
                ? new ExchangeRefusal(ExchangeError.ERROR_INSUFFICIENT_RIGHTS, "the French health space refused the access")
                : of(ExchangeError.ERROR_GENERIC);
    }
}

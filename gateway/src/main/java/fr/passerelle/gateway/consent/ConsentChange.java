package fr.passerelle.gateway.consent;

import java.util.Objects;
import java.util.Optional;

/** A change a patient (or an operator for them) asks for: authorise on these terms, or revoke. */
public sealed interface ConsentChange {

    String changedBy();

    ConsentChannel channel();

    record Authorise(ConsentTerms terms, String changedBy, ConsentChannel channel) implements ConsentChange {
        public Authorise {
            Objects.requireNonNull(terms, "terms");
            requireActor(changedBy, channel);
        }
    }

    record Revoke(String changedBy, ConsentChannel channel) implements ConsentChange {
        public Revoke {
            requireActor(changedBy, channel);
        }
    }

    default ConsentStatus status() {
        return this instanceof Authorise ? ConsentStatus.AUTHORISED : ConsentStatus.REVOKED;
    }

    default Optional<ConsentTerms> grantedTerms() {
        return this instanceof Authorise authorise ? Optional.of(authorise.terms()) : Optional.empty();
    }

    private static void requireActor(String changedBy, ConsentChannel channel) {
        Objects.requireNonNull(channel, "channel");
        if (changedBy == null || changedBy.isBlank()) {
            throw new IllegalArgumentException("A consent change names who made it");
        }
    }
}

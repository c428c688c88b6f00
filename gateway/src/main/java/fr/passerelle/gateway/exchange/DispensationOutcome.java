package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.healthspace.DispensationReceipt;

/** What recording a dispensation answers. */
public sealed interface DispensationOutcome {

    /** Recorded in France, or already was under this id ({@link DispensationReceipt#duplicate()}). */
    record Recorded(DispensationReceipt receipt) implements DispensationOutcome {
    }

    record Refused(ExchangeRefusal refusal) implements DispensationOutcome {
    }
}

package fr.passerelle.gateway.healthspace;

/**
 * The health space's acknowledgement that a dispensation no longer counts: its prescription line can be dispensed
 * again.
 *
 * @param alreadyDiscarded true when the dispensation had already been discarded (nothing changed this time)
 */
public record DiscardReceipt(String dispensationId, String prescriptionId, String prescriptionLineId,
                             boolean alreadyDiscarded) {
}

package fr.passerelle.gateway.healthspace;

/**
 * The health space's acknowledgement that a dispensation no longer counts: its prescription line can be dispensed
 * again.
 *
 * @param prescriptionId     the ePrescription the dispensation consumed; null when the health space does not say (the
 *                           DMP: its eDISP-MED carries every item of the original eDispensation, not this line alone)
 * @param prescriptionLineId the item it consumed; null likewise
 * @param alreadyDiscarded   true when the dispensation had already been discarded (nothing changed this time)
 */
public record DiscardReceipt(String dispensationId, String prescriptionId, String prescriptionLineId,
                             boolean alreadyDiscarded) {
}

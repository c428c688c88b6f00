package fr.passerelle.gateway.healthspace;

import java.time.OffsetDateTime;

/**
 * The health space's acknowledgement of a dispensation.
 *
 * @param recordedAt when it was first recorded
 * @param duplicate  true when this id had already been recorded (nothing changed this time)
 */
public record DispensationReceipt(String dispensationId, String prescriptionId, String prescriptionLineId,
                                  OffsetDateTime recordedAt, boolean duplicate) {
}

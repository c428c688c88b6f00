package fr.passerelle.gateway.audit;

/** Published when a record joins the trail; listeners that act on it (notification) do so after commit. */
public record CrossBorderAccessRecorded(AuditRecord record) {
}

package fr.passerelle.gateway.audit;

import fr.passerelle.gateway.access.AccessDecision;
import fr.passerelle.gateway.access.AccessFixtures;
import fr.passerelle.gateway.access.AccessRequest;
import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.access.DecidingRule;
import fr.passerelle.gateway.audit.atna.AtnaProperties;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.trust.assertion.PurposeOfUse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Builds the audit trail on a test database and the entries the audit tests write. */
public final class AuditFixtures {

    private AuditFixtures() {
    }

    public static AtnaProperties atna(boolean enabled, int port) {
        return new AtnaProperties(enabled, "localhost", port, null, "", null, "", Duration.ZERO,
                Duration.ofSeconds(10), 100, "FR-NCPeH", "passerelle-test");
    }

    public static AuditTrail trail(DataSource dataSource, Clock clock, boolean export) {
        return trail(dataSource, clock, export, event -> { });
    }

    public static AuditTrail trail(DataSource dataSource, Clock clock, boolean export,
                                   ApplicationEventPublisher events) {
        return trail(dataSource, clock, export, events, AuditProperties.Batch.DEFAULTS);
    }

    public static AuditTrail trail(DataSource dataSource, Clock clock, boolean export,
                                   ApplicationEventPublisher events, AuditProperties.Batch batch) {
        return new AuditTrail(dataSource, new DataSourceTransactionManager(dataSource), events, atna(export, 6514),
                new AuditProperties(Duration.ofDays(3650), Duration.ofHours(6), batch), clock,
                new StaticListableBeanFactory().getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
    }

    /** Empties the trail (the test databases live for a whole test class). */
    public static void reset(DataSource dataSource) {
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        jdbc.sql("DELETE FROM audit_outbox").update();
        jdbc.sql("DELETE FROM audit_record").update();
        jdbc.sql("DELETE FROM audit_purge").update();
        jdbc.sql("UPDATE audit_chain_head SET last_seq = 0, last_hash = ?, anchor_seq = 0, anchor_hash = ?")
                .params(AuditHashing.GENESIS, AuditHashing.GENESIS).update();
    }

    public static AuditEntry granted(String documentId) {
        AccessRequest request = AccessFixtures.psRetrieve(AccessFixtures.spanishGp(), PurposeOfUse.TREATMENT);
        return AuditEntry.of(request, new AccessDecision.Granted(DecidingRule.CONSENT_COVERS_REQUEST, false),
                List.of(documentId), "urn:uuid:" + documentId, List.of("hcp-" + documentId, "trc-" + documentId));
    }

    public static AuditEntry refusedEmergency() {
        AccessRequest request = AccessFixtures.request(AccessFixtures.spanishGp(), PurposeOfUse.EMERGENCY,
                CrossBorderTransaction.DOCUMENT_LIST, DocumentKind.EPRESCRIPTION);
        return AuditEntry.of(request, new AccessDecision.Refused(DecidingRule.NO_CONSENT, ExchangeError.ERROR_NO_CONSENT),
                List.of(), "urn:uuid:refused", List.of("hcp-refused"));
    }
}

package fr.passerelle.gateway.audit.atna;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.audit.AuditFixtures;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The outbox survives a collector outage: records written while the collector is down are delivered once it is
 * back, in order, each exactly once, over TLS with RFC 5425 framing.
 */
class AtnaExporterTest {

    private static final Pattern SEQ = Pattern.compile("\\[passerelle@32473 seq=\"(\\d+)\"]");

    @TempDir
    static Path pkiDir;
    static TestPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(pkiDir);
    }

    @DatabaseTest
    void aCollectorOutageLosesNothingAndDuplicatesNothing(TestDatabase db) throws Exception {
        AuditFixtures.reset(db.dataSource());
        int port = TlsSyslogCollector.freePort();
        AtnaProperties properties = new AtnaProperties(true, "localhost", port, pki.trustStore(), pki.password(),
                null, "", Duration.ZERO, Duration.ofSeconds(10), 100, "FR-NCPeH", "passerelle-test");
        AtnaExporter exporter = new AtnaExporter(db.dataSource(), new DataSourceTransactionManager(db.dataSource()),
                properties, new SyslogTlsConnector(properties), Clock.systemUTC());
        AuditTrail trail = AuditFixtures.trail(db.dataSource(), Clock.systemUTC(), true);
        trail.record(AuditFixtures.granted("1.2.250.5.1"));
        trail.record(AuditFixtures.refusedEmergency());
        trail.record(AuditFixtures.granted("1.2.250.5.3"));

        // The collector is down.
        assertThat(exporter.exportDue()).isEqualTo(new ExportRun(0, 3));
        assertThat(exporter.exportDue()).isEqualTo(new ExportRun(0, 3));
        assertThat(JdbcClient.create(db.dataSource()).sql("SELECT min(attempts) FROM audit_outbox")
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(JdbcClient.create(db.dataSource()).sql("SELECT max(last_error) FROM audit_outbox")
                .query(String.class).single()).contains("Connect");

        try (TlsSyslogCollector collector = new TlsSyslogCollector(port, pki.keyStore(), pki.password())) {
            assertThat(exporter.exportDue()).isEqualTo(new ExportRun(3, 0));
            collector.awaitMessages(3);
            assertThat(exporter.exportDue()).isEqualTo(new ExportRun(0, 0));

            trail.record(AuditFixtures.granted("1.2.250.5.4"));
            assertThat(exporter.exportDue()).isEqualTo(new ExportRun(1, 0));
            collector.awaitMessages(4);
            Thread.sleep(200); // would a duplicate arrive late?

            List<String> messages = collector.messages;
            assertThat(messages).hasSize(4);
            assertThat(messages.stream().map(AtnaExporterTest::seq).toList()).containsExactly(1L, 2L, 3L, 4L);
            for (String message : messages) {
                assertThat(message).startsWith("<85>1 ").contains(" passerelle-test passerelle - IHE+RFC-3881 ");
                String xml = message.substring(message.indexOf("<?xml"));
                var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
                assertThat(document.getDocumentElement().getTagName()).isEqualTo("AuditMessage");
            }
            assertThat(messages.get(1)).contains("EventOutcomeIndicator=\"4\"").contains("ParticipantObjectID=\"4701\"");
        }
    }

    private static long seq(String message) {
        Matcher matcher = SEQ.matcher(message);
        assertThat(matcher.find()).as("structured data with the record's seq").isTrue();
        return Long.parseLong(matcher.group(1));
    }
}

package fr.passerelle.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.passerelle.gateway.audit.AuditFixtures;
import fr.passerelle.gateway.audit.AuditRecord;
import fr.passerelle.gateway.audit.AuditTrail;
import fr.passerelle.gateway.audit.CrossBorderAccessRecorded;
import fr.passerelle.gateway.patient.PatientContact;
import fr.passerelle.gateway.patient.PatientContactStore;
import fr.passerelle.gateway.patient.PatientSide;
import fr.passerelle.gateway.testsupport.Databases;
import fr.passerelle.gateway.testsupport.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** The patient gets an e-mail for every cross-border access, through a real SMTP server (GreenMail). */
class AccessNotifierTest {

    static GreenMail smtp;
    static TestDatabase db;
    static PatientSide app;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        db = Databases.h2("AccessNotifierTest");
        app = new PatientSide(db, "--passerelle.notification.enabled=true", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        app.close();
        smtp.stop();
    }

    @Test
    void anAccessIsMailedToThePatientInTheirLanguageAndARolledBackOneIsNot() throws Exception {
        String token = app.tokenFor("280017512345678");
        assertThat(app.put("/api/patient/contact", token, "{\"email\":\"alice@example.fr\",\"language\":\"fr\"}")
                .statusCode()).isEqualTo(200);
        AuditTrail trail = app.context.getBean(AuditTrail.class);
        TransactionTemplate transaction = app.context.getBean(TransactionTemplate.class);

        try {
            transaction.executeWithoutResult(status -> {
                trail.record(AuditFixtures.granted("1.2.250.3.0"));
                status.setRollbackOnly();
            });
            trail.record(AuditFixtures.granted("1.2.250.3.1"));

            assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
            Thread.sleep(500); // a mail for the rolled-back access would have come first
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("alice@example.fr");
            assertThat(received[0].getSubject()).isEqualTo("Accès à votre dossier depuis l'étranger");
            assertThat((String) received[0].getContent()).contains("un médecin généraliste de Hospital X en "
                    + "Espagne a consulté votre synthèse médicale pour des soins.").doesNotContain("280017512345678");
        } finally {
            smtp.purgeEmailFromAllMailboxes();
        }
    }

    @Test
    void aBrokenOrSlowMailServerNeitherFailsNorHoldsUpTheExchange() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch attempted = new CountDownLatch(1);
        JavaMailSender stuck = new JavaMailSenderImpl() {
            @Override
            public void send(org.springframework.mail.SimpleMailMessage... messages) {
                attempted.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new MailSendException("connection refused");
            }
        };
        PatientContactStore contacts = app.context.getBean(PatientContactStore.class);
        contacts.save(fr.passerelle.gateway.access.AccessFixtures.PATIENT,
                new PatientContact("alice@example.fr", fr.passerelle.gateway.patient.PatientLanguage.EN));
        AccessNotifier notifier = new AccessNotifier(new NotificationProperties(true, "x@passerelle.test", 10),
                contacts, new StaticListableBeanFactory(java.util.Map.of("mail", stuck))
                        .getBeanProvider(JavaMailSender.class),
                new StaticListableBeanFactory().getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
        AuditRecord record = AuditFixtures.trail(db.dataSource(), java.time.Clock.systemUTC(), false)
                .record(AuditFixtures.granted("1.2.250.3.2"));

        // Returns while the mail server hangs (if it waited, this test would never get past this line).
        notifier.onAccess(new CrossBorderAccessRecorded(record));
        assertThat(attempted.await(30, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        notifier.destroy();
    }
}

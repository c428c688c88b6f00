package fr.passerelle.gateway.notification;

import fr.passerelle.gateway.audit.AuditRecord;
import fr.passerelle.gateway.audit.CrossBorderAccessRecorded;
import fr.passerelle.gateway.patient.PatientContactStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the access e-mail once the audit record committed (a rolled-back transaction tells nobody). The send runs
 * on a single background thread with a bounded queue: the exchange never waits for the mail server, and a failure
 * is logged (without the patient's identity) and counted, never thrown back.
 */
@Component
public class AccessNotifier implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(AccessNotifier.class);

    private final NotificationProperties properties;
    private final PatientContactStore contacts;
    private final ObjectProvider<JavaMailSender> mail;
    private final ThreadPoolExecutor sender;
    private final Counter sent;
    private final Counter failed;

    public AccessNotifier(NotificationProperties properties, PatientContactStore contacts,
                          ObjectProvider<JavaMailSender> mail, ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        this.contacts = contacts;
        this.mail = mail;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.sent = registry.counter("passerelle.notification.emails", "result", "sent");
        this.failed = registry.counter("passerelle.notification.emails", "result", "failed");
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.queue()),
                runnable -> {
                    Thread thread = new Thread(runnable, "access-notifier");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onAccess(CrossBorderAccessRecorded event) {
        if (!properties.enabled()) {
            return;
        }
        try {
            sender.execute(() -> send(event.record()));
        } catch (RejectedExecutionException full) {
            failed.increment();
            LOG.warn("Access notification dropped: {} e-mails already waiting", properties.queue());
        }
    }

    private void send(AuditRecord record) {
        try {
            JavaMailSender smtp = mail.getIfAvailable();
            if (smtp == null) {
                LOG.warn("Access notification not sent: passerelle.notification.enabled but no spring.mail.host");
                failed.increment();
                return;
            }
            if (record.patient().isEmpty()) {
                return; // a request that identified no patient concerns nobody to tell
            }
            var contact = contacts.find(record.patient().get());
            if (contact.isEmpty()) {
                return; // the patient gave no address
            }
            AccessEmail email = AccessEmail.about(record, contact.get().language());
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.from());
            message.setTo(contact.get().email());
            message.setSubject(email.subject());
            message.setText(email.body());
            smtp.send(message);
            sent.increment();
        } catch (RuntimeException e) {
            failed.increment();
            LOG.warn("Access notification for audit record {} failed: {}", record.seq(), e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }
}

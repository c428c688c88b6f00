package fr.passerelle.gateway.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.notification.*}; the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param enabled  send e-mails at all (needs {@code spring.mail.host})
 * @param from     the sender address
 * @param queue    at most this many e-mails waiting; beyond, new ones are dropped (and counted) rather than
 *                 ever holding up an exchange
 */
@ConfigurationProperties("passerelle.notification")
public record NotificationProperties(@DefaultValue("false") boolean enabled,
                                     @DefaultValue("ne-pas-repondre@passerelle.esante.gouv.fr") String from,
                                     @DefaultValue("1000") int queue) {
}

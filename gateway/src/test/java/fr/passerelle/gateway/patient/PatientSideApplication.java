package fr.passerelle.gateway.patient;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;

/**
 * The patient-facing side of the gateway alone (access, consent, audit, patient API, notification, security), so
 * its web tests run without the protocol roads and terminology of the other packages.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan({"fr.passerelle.gateway.access", "fr.passerelle.gateway.consent", "fr.passerelle.gateway.audit",
        "fr.passerelle.gateway.patient", "fr.passerelle.gateway.security", "fr.passerelle.gateway.notification"})
@ConfigurationPropertiesScan({"fr.passerelle.gateway.access", "fr.passerelle.gateway.consent",
        "fr.passerelle.gateway.audit", "fr.passerelle.gateway.patient", "fr.passerelle.gateway.security",
        "fr.passerelle.gateway.notification"})
public class PatientSideApplication {
}

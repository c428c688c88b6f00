package fr.passerelle.gateway.xcpd;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.soap.BodySchemas;
import fr.passerelle.gateway.soap.EhdsiOperation;
import fr.passerelle.gateway.soap.ReceivedXml;
import fr.passerelle.gateway.soap.SoapMessages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * An ITI-55 body its schema refuses, when validation is enforced: the HL7v3 answer of a message not processed
 * (acknowledgement AE, queryResponseCode AE) with an acknowledgementDetail {@code SYN} naming the first violation,
 * the request's message and query ids echoed, nobody disclosed.
 */
class PatientDiscoveryRejectionTest {

    @Test
    void anInvalidBodyIsAnsweredAeWithASyntaxErrorDetail() {
        ReceivedXml request = ReceivedXml.parse(SoapMessages.envelope("urn:test",
                SoapMessages.sampleBody("gematik/PRPA_IN201305UV02_298.xml")));
        Element body = request.nodes("/soap:Envelope/soap:Body/*").get(0);
        BodySchemas.SchemaViolation violation = new BodySchemas(EnumSet.of(EhdsiOperation.PATIENT_DISCOVERY))
                .firstViolation(EhdsiOperation.PATIENT_DISCOVERY, body).orElseThrow();
        PatientDiscoveryQuery query = new PatientDiscoveryRequestReader().read(body);

        Element answer = new PatientDiscoveryResponseWriter("1.2.250.1.213.4.1.99",
                Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC))
                .writeRejected(body, query, violation.describe());

        ReceivedXml xml = ReceivedXml.of(answer);
        assertThat(xml.text("//hl7:acknowledgement/hl7:typeCode/@code")).isEqualTo("AE");
        assertThat(xml.text("//hl7:queryAck/hl7:queryResponseCode/@code")).isEqualTo("AE");
        assertThat(xml.text("//hl7:acknowledgementDetail/hl7:code/@code")).isEqualTo("SYN");
        assertThat(xml.text("//hl7:acknowledgementDetail/hl7:code/@codeSystem")).isEqualTo("2.16.840.1.113883.5.1100");
        assertThat(xml.text("//hl7:acknowledgementDetail/hl7:text")).startsWith("The message does not conform to its "
                + "schema: cvc-datatype-valid.1.2.3").endsWith("(at /PRPA_IN201305UV02/receiver/device/id)");
        assertThat(xml.text("//hl7:acknowledgement/hl7:targetMessage/hl7:id/@root"))
                .isEqualTo(query.messageId().root());
        assertThat(xml.text("//hl7:queryAck/hl7:queryId/@extension")).isEqualTo(query.queryId().extension().orElse(""));
        assertThat(xml.count("//hl7:subject")).isZero();
    }
}

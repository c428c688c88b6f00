package fr.passerelle.gateway.soap;

import static fr.passerelle.gateway.soap.SoapMessages.queryBody;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.translation.cda.CdaReader;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.SectionKind;
import fr.passerelle.trust.issue.HcpClaims;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One exchange of each SOAP transaction as a partner NCP sends it and as Passerelle answers it — XCPD ITI-55, XCA
 * ITI-38, ITI-39 (MTOM), XDR ITI-41 (MTOM) — each a success, written abbreviated (signed assertions and base64
 * documents elided, nothing else changed) to {@code target/wire-examples/}: the examples of docs/implementers.md
 * ("SOAP road: one exchange of each transaction") are copied from there, so they are what the gateway does.
 */
class WireExamplesEndToEndTest extends SoapRoadsContext {

    private static final Ins BERTHELOT = DemoExchanges.BERTHELOT;
    private static final Path OUT = Path.of("target", "wire-examples");

    @Autowired
    NationalHealthSpace healthSpace;

    @BeforeEach
    void consent() {
        DemoExchanges.consent(consents, BERTHELOT, new CountryScope.AllParticipating());
    }

    @Test
    void eachTransactionSucceedsAndIsWrittenDown() throws IOException {
        Files.createDirectories(OUT);
        HcpClaims doctor = HcpClaims.demoDoctor("ES");
        Optional<String> treated = Optional.of(SoapMessages.cx(BERTHELOT));

        // IPF's ITI-55 sample (schema-valid, unlike gematik's), asking for Berthelot by INS and name only.
        String xcpd = SoapMessages.signedRequest(spain, doctor, EhdsiOperation.PATIENT_DISCOVERY,
                SoapMessages.sampleBody("ipf-iti55/iti55-sample-request.xml")
                        .replaceAll("(?s)<livingSubjectAdministrativeGender>.*?</livingSubjectAdministrativeGender>"
                                + "\\s*<livingSubjectBirthTime>.*?</livingSubjectBirthTime>\\s*", "")
                        .replaceFirst("(?s)<livingSubjectId>.*?</livingSubjectId>\\s*<livingSubjectId>.*?"
                                + "</livingSubjectId>", "<livingSubjectId><value root=\"" + BERTHELOT.oid()
                                + "\" extension=\"" + BERTHELOT.value() + "\"/><semanticsText>LivingSubject.id"
                                + "</semanticsText></livingSubjectId>")
                        .replace("<given>Jimmy</given>", "<given>ELODIE</given>")
                        .replace("<family>Jones</family>", "<family>BERTHELOT</family>"),
                Optional.empty());
        HttpResponse<String> identified = SoapHttp.send(port, "/xcpd", EhdsiOperation.PATIENT_DISCOVERY, xcpd);
        assertThat(ReceivedXml.parse(identified.body()).text("//hl7:queryAck/hl7:queryResponseCode/@code"))
                .as(identified.body()).isEqualTo("OK");
        write("1-iti55-request.xml", xcpd);
        write("1-iti55-answer.xml", identified.body());

        String query = SoapMessages.signedRequest(spain, doctor, EhdsiOperation.CROSS_GATEWAY_QUERY,
                queryBody(BERTHELOT, "60591-5"), treated);
        HttpResponse<String> listed = SoapHttp.send(port, "/xca", EhdsiOperation.CROSS_GATEWAY_QUERY, query);
        ReceivedXml list = ReceivedXml.parse(listed.body());
        assertThat(list.text("//query:AdhocQueryResponse/@status")).endsWith(":Success");
        String uniqueId = list.text("(//rim:ExtrinsicObject)[1]/rim:ExternalIdentifier[@identificationScheme="
                + "'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab']/@value");
        write("2-iti38-request.xml", query);
        write("2-iti38-answer.xml", listed.body());

        String retrieve = SoapMessages.signedRequest(spain, doctor, EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                SoapMessages.retrieveBody(HOME, uniqueId), treated);
        HttpResponse<byte[]> retrieved = SoapHttp.sendForBytes(port, "/xca", EhdsiOperation.CROSS_GATEWAY_RETRIEVE,
                retrieve);
        List<Multipart.Part> parts = Multipart.parse(retrieved);
        assertThat(ReceivedXml.parse(parts.get(0).text()).text("//rs:RegistryResponse/@status")).endsWith(":Success");
        write("3-iti39-request.txt", "Content-Type: " + SoapHttp.mtomContentType(
                EhdsiOperation.CROSS_GATEWAY_RETRIEVE.requestAction()) + "\n\n" + new String(SoapHttp.mtomPackage(
                retrieve), StandardCharsets.UTF_8));
        write("3-iti39-answer.txt", "Content-Type: " + retrieved.headers().firstValue("Content-Type").orElseThrow()
                + "\n\n" + new String(retrieved.body(), StandardCharsets.ISO_8859_1));

        // A line of Berthelot's ePrescription still to dispense, dispensed with its own product, then discarded:
        // the shared demo health space is left as it was.
        String prescription = healthSpace.documents(BERTHELOT, DocumentKind.EPRESCRIPTION).get(0).uniqueId();
        byte[] french = healthSpace.retrieve(prescription).orElseThrow().content();
        ClinicalEntry.PrescriptionLine line;
        try {
            line = new CdaReader().read(french).entries(SectionKind.PRESCRIPTIONS).stream()
                    .filter(ClinicalEntry.PrescriptionLine.class::isInstance)
                    .map(ClinicalEntry.PrescriptionLine.class::cast).findFirst().orElseThrow();
        } catch (fr.passerelle.translation.TranslationException e) {
            throw new IllegalStateException(e);
        }
        String submission = DemoExchanges.dispensing(DemoExchanges.dispensationBody(BERTHELOT, prescription,
                line.id(), "wire-example-" + java.util.UUID.randomUUID()), french, line.id(), Optional.empty(), false);
        HcpClaims pharmacist = doctor.withRole("2262", "Pharmacists");
        String dispensation = SoapMessages.signedRequest(spain, pharmacist, EhdsiOperation.PROVIDE_AND_REGISTER,
                submission, treated);
        HttpResponse<String> dispensed = SoapHttp.send(port, "/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                dispensation);
        assertThat(ReceivedXml.parse(dispensed.body()).text("//rs:RegistryResponse/@status")).as(dispensed.body())
                .endsWith(":Success");
        write("4-iti41-request.xml", dispensation);
        write("4-iti41-answer.xml", dispensed.body());
        HttpResponse<String> discarded = SoapHttp.send(port, "/xdr", EhdsiOperation.PROVIDE_AND_REGISTER,
                SoapMessages.signedRequest(spain, pharmacist, EhdsiOperation.PROVIDE_AND_REGISTER, submission.replace(
                        "nodeRepresentation=\"60593-1\"", "nodeRepresentation=\"DISCARD-60593-1\""), treated));
        assertThat(ReceivedXml.parse(discarded.body()).text("//rs:RegistryResponse/@status")).as(discarded.body())
                .endsWith(":Success");
    }

    /** Abbreviated: signed assertions, base64 documents and binary MIME parts elided. */
    private static void write(String name, String message) throws IOException {
        String shorter = message
                .replaceAll("(?s)(<(\\w+:)?Assertion\\b[^>]*>).*?(</(\\w+:)?Assertion>)", "$1…$3")
                .replaceAll("(?s)(<(\\w+:)?Document id=\"[^\"]+\">)[A-Za-z0-9+/=\\s]{200,}(</(\\w+:)?Document>)",
                        "$1…base64…$3")
                .replaceAll("(?s)(Content-ID: <[^>]+>\\r?\\n\\r?\\n)(<\\?xml[^>]*>)?\\s*<ClinicalDocument.*?"
                        + "</ClinicalDocument>", "$1…the CDA document…");
        Files.writeString(OUT.resolve(name), shorter, StandardCharsets.UTF_8);
    }
}

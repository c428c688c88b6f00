package fr.passerelle.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.SharedDocuments;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.translation.cda.CdaReader;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.SectionKind;
import fr.passerelle.trust.issue.HcpClaims;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * XDR checks the dispensed medicine against the prescribed line (exchange.SubstitutionRule): the prescribed product
 * is recorded; a substitution is recorded only where the prescriber allowed it, else
 * ERROR_ED_SUBSTITUTION_INFORMATION_NOT_ALLOWED; an unrelated product is ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE —
 * and a refused dispensation leaves the line to dispense. LAMBERTIN's demo ePrescription: its first line,
 * paracetamol (a CIS, ATC N02BE01), does not allow substitution; the refusals run before the recording (ordered).
 * Same application context as {@link SoapRoadsEndToEndTest}. A substitute where substitution is allowed is proven in
 * {@code exchange.SubstitutionRuleTest}: no demo prescription allows substitution on a coded line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DispensedProductEndToEndTest extends SoapRoadsContext {

    /** The no-consent demo patient, whose ePrescription no other test dispenses: consent given here, then revoked. */
    private static final Ins PATIENT = DemoExchanges.LAMBERTIN;
    private static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    private static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    private static final String PARACETAMOL = "N02BE01";
    private static final String AMOXICILLIN = "J01CA04";

    @Autowired
    NationalHealthSpace healthSpace;

    private String prescription;
    private byte[] french;
    private List<ClinicalEntry.PrescriptionLine> lines;

    @BeforeEach
    void prescription() throws Exception {
        consents.change(PATIENT, new ConsentChange.Authorise(new ConsentTerms(new CountryScope.AllParticipating(),
                EnumSet.allOf(SharedDocuments.class), Optional.empty()), "dispensed-product-test",
                ConsentChannel.OPERATOR));
        prescription = healthSpace.documents(PATIENT, DocumentKind.EPRESCRIPTION).get(0).uniqueId();
        french = healthSpace.retrieve(prescription).orElseThrow().content();
        lines = new CdaReader().read(french).entries(SectionKind.PRESCRIPTIONS).stream()
                .filter(ClinicalEntry.PrescriptionLine.class::isInstance)
                .map(ClinicalEntry.PrescriptionLine.class::cast).toList();
    }

    @AfterEach
    void revoke() {
        consents.change(PATIENT, new ConsentChange.Revoke("dispensed-product-test", ConsentChannel.OPERATOR));
    }

    @Test
    @Order(1)
    void aSubstituteWhereThePrescriberRefusedSubstitutionIsRefusedAndTheLineStaysToDispense() {
        ClinicalEntry.PrescriptionLine line = line(l -> !l.substitutionAllowed() && hasAtc(l, PARACETAMOL));

        HttpResponse<String> response = submit(line, Optional.of(PARACETAMOL), true);

        assertRefused(response, "ERROR_ED_SUBSTITUTION_INFORMATION_NOT_ALLOWED");
        assertThat(dispensed(line)).isFalse();
    }

    @Test
    @Order(2)
    void anUnrelatedProductIsRefusedAsNotTheEprescriptionsMedicine() {
        ClinicalEntry.PrescriptionLine line = line(l -> hasAtc(l, PARACETAMOL));

        HttpResponse<String> response = submit(line, Optional.of(AMOXICILLIN), false);

        assertRefused(response, "ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE");
        assertThat(dispensed(line)).isFalse();
    }

    @Test
    @Order(3)
    void thePrescribedProductIsRecorded() {
        ClinicalEntry.PrescriptionLine line = line(l -> hasAtc(l, PARACETAMOL));
        assertThat(dispensed(line)).isFalse();

        HttpResponse<String> response = submit(line, Optional.empty(), false);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ReceivedXml.parse(response.body()).text("//rs:RegistryResponse/@status")).as(response.body())
                .isEqualTo(SUCCESS);
        assertThat(dispensed(line)).isTrue();
    }

    private HttpResponse<String> submit(ClinicalEntry.PrescriptionLine line, Optional<String> substituteAtc,
                                        boolean flaggedSubstituted) {
        String body = DemoExchanges.dispensing(DemoExchanges.dispensationBody(PATIENT, prescription, line.id(),
                "product-e2e-" + UUID.randomUUID()), french, line.id(), substituteAtc, flaggedSubstituted);
        String envelope = SoapMessages.signedRequest(spain, HcpClaims.demoDoctor("ES").withRole("2262", "Pharmacists"),
                EhdsiOperation.PROVIDE_AND_REGISTER, body, Optional.of(SoapMessages.cx(PATIENT)));
        return SoapHttp.send(port, "/xdr", EhdsiOperation.PROVIDE_AND_REGISTER, envelope);
    }

    private ClinicalEntry.PrescriptionLine line(Predicate<ClinicalEntry.PrescriptionLine> wanted) {
        return lines.stream().filter(wanted).findFirst()
                .orElseThrow(() -> new AssertionError("the demo ePrescription has no such line"));
    }

    private static boolean hasAtc(ClinicalEntry.PrescriptionLine line, String atc) {
        return line.product().atc() != null && atc.equals(line.product().atc().code());
    }

    private boolean dispensed(ClinicalEntry.PrescriptionLine line) {
        return healthSpace.prescriptionLines(prescription).stream()
                .filter(l -> l.lineId().equals(line.id())).findFirst().orElseThrow().dispensed();
    }

    private static void assertRefused(HttpResponse<String> response, String errorCode) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ReceivedXml xml = ReceivedXml.parse(response.body());
        assertThat(xml.text("//rs:RegistryResponse/@status")).isEqualTo(FAILURE);
        assertThat(xml.text("//rs:RegistryError/@errorCode")).isEqualTo(errorCode);
    }
}

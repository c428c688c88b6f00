package fr.passerelle.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.consent.ConsentChange;
import fr.passerelle.gateway.consent.ConsentChannel;
import fr.passerelle.gateway.consent.ConsentStore;
import fr.passerelle.gateway.consent.ConsentTerms;
import fr.passerelle.gateway.consent.CountryScope;
import fr.passerelle.gateway.consent.SharedDocuments;
import fr.passerelle.gateway.healthspace.Ins;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the SOAP end-to-end tests (raw envelopes in {@link SoapRoadsEndToEndTest}, the generated client in
 * {@code GeneratedClientEndToEndTest}) share about the demo health space: its patients, giving them cross-border
 * consent, and an eDispensation of one of their prescription lines.
 */
public final class DemoExchanges {

    /** ELODIE BERTHELOT: IPS-FR patient summary and an ePrescription, no restriction. */
    public static final Ins BERTHELOT = new Ins(Ins.TEST_NIR, "284056912304563");
    /** JEAN-BAPTISTE LAMBERTIN: a masked older summary beside a visible one. */
    public static final Ins LAMBERTIN = new Ins(Ins.TEST_NIR, "156113523811249");
    /** ANAIS ROCHEFORT: opposes emergency access; a masked and a visible ePrescription. */
    public static final Ins ROCHEFORT = new Ins(Ins.TEST_NIR, "290023306307835");
    /** MATHIS LEFEVRE: blocks two professionals (not the demo doctors). */
    public static final Ins LEFEVRE = new Ins(Ins.TEST_NIR, "101085935020352");
    /** ODILE MARTIN: a French dispensation record besides her summary and ePrescription. */
    public static final Ins MARTIN_ODILE = new Ins(Ins.TEST_NIR, "238016311300935");
    /** LEA MARTIN: a summary with a visibility code that is not masking. */
    public static final Ins MARTIN_LEA = new Ins(Ins.TEST_NIR, "295067511432151");
    /** All six demo patients. */
    public static final List<Ins> PATIENTS =
            List.of(BERTHELOT, LAMBERTIN, ROCHEFORT, LEFEVRE, MARTIN_ODILE, MARTIN_LEA);

    private DemoExchanges() {
    }

    /** Authorises cross-border access to all documents for {@code countries}, unless the patient already decided. */
    public static void consent(ConsentStore consents, Ins patient, CountryScope countries) {
        if (consents.current(patient).isEmpty()) {
            consents.change(patient, new ConsentChange.Authorise(new ConsentTerms(countries,
                    EnumSet.allOf(SharedDocuments.class), Optional.empty()), "soap-e2e-test", ConsentChannel.OPERATOR));
        }
    }

    /**
     * gematik's XDR sample, its eDispensation made to fulfil a line of the patient's ePrescription, with its
     * ClinicalDocument/id extension (the dispensation's identity) set to {@code documentExtension}.
     */
    public static String dispensationBody(Ins patient, String prescriptionUniqueId, String lineId,
                                          String documentExtension) {
        String sample = SoapMessages.sampleBody("gematik/ProvideAndRegisterDocumentSetRequest.xml")
                .replace("B123456789|A2C4E6^^^&amp;1.2.276.0.76.3.1.580.147&amp;ISO",
                        patient.value() + "^^^&amp;" + patient.oid() + "&amp;ISO");
        Matcher inline = Pattern.compile("(?s)(<xds:Document id=\"[^\"]+\">)(.*?)(</xds:Document>)").matcher(sample);
        assertThat(inline.find()).isTrue();
        String cda = new String(Base64.getMimeDecoder().decode(inline.group(2).trim()), StandardCharsets.UTF_8);
        cda = cda.replace("extension=\"4hM/UnZyWlRvGJHM\"", "extension=\"" + documentExtension + "\"");
        cda = cda.replaceFirst("(?s)(<inFulfillmentOf>\\s*<order[^>]*>\\s*)<id [^>]*/>",
                        "$1" + ii(prescriptionUniqueId))
                .replaceFirst("(?s)(<substanceAdministration classCode=\"SBADM\" moodCode=\"INT\">\\s*)<id [^>]*/>",
                        "$1" + ii(lineId));
        String encoded = Base64.getEncoder().encodeToString(cda.getBytes(StandardCharsets.UTF_8));
        return sample.substring(0, inline.start(2)) + encoded + sample.substring(inline.end(2));
    }

    /** gematik's eDispensation dispenses amoxicillin (RUPAFIN, a German product code, ATC J01CA04). */
    private static final String SAMPLE_PRODUCT_CODE =
            "code=\"2802536102016\" codeSystem=\"2.16.840.1.113883.2.25.3.4.1.4.2.8\"";
    private static final String SAMPLE_ATC = "J01CA04";

    /**
     * The XDR body with its eDispensation handing over the medicine of the French prescription's line {@code lineId}
     * — its product code and ATC class, as an NCP-B copies them from the pivot — or, with {@code substituteAtc}, a
     * product of another code and that ATC class (a substitution when it is the prescribed class); the eDispensation
     * says it substituted only when {@code flaggedSubstituted}.
     */
    public static String dispensing(String xdrBody, byte[] frenchPrescription, String lineId,
                                    Optional<String> substituteAtc, boolean flaggedSubstituted) {
        fr.passerelle.translation.cda.ClinicalEntry.Product prescribed;
        try {
            prescribed = new fr.passerelle.translation.cda.CdaReader().read(frenchPrescription)
                    .entries(fr.passerelle.translation.cda.SectionKind.PRESCRIPTIONS).stream()
                    .filter(fr.passerelle.translation.cda.ClinicalEntry.PrescriptionLine.class::isInstance)
                    .map(fr.passerelle.translation.cda.ClinicalEntry.PrescriptionLine.class::cast)
                    .filter(line -> lineId.equals(line.id())).findFirst().orElseThrow().product();
        } catch (fr.passerelle.translation.TranslationException e) {
            throw new IllegalStateException(e);
        }
        String atc = substituteAtc.orElseGet(() -> prescribed.atc() == null ? "Z99ZZ99" : prescribed.atc().code());
        String code = substituteAtc.isPresent() || prescribed.code() == null || !prescribed.code().isCoded()
                ? SAMPLE_PRODUCT_CODE : "code=\"" + prescribed.code().code() + "\" codeSystem=\"" + prescribed.code().codeSystem() + "\"";
        return rewriteCda(xdrBody, cda -> {
            String out = cda.replace(SAMPLE_PRODUCT_CODE, code).replace("code=\"" + SAMPLE_ATC + "\"",
                    "code=\"" + atc + "\"");
            // gematik's sample says it substituted (an eHDSI SUBST act): kept only when asked.
            return flaggedSubstituted ? out : out.replaceFirst(
                    "(?s)<entryRelationship typeCode=\"COMP\">\\s*<act classCode=\"ACT\" moodCode=\"EVN\">\\s*"
                            + "<code code=\"SUBST\"[^>]*/>\\s*</act>\\s*</entryRelationship>", "");
        });
    }

    private static String rewriteCda(String xdrBody, java.util.function.UnaryOperator<String> change) {
        Matcher inline = Pattern.compile("(?s)(<xds:Document id=\"[^\"]+\">)(.*?)(</xds:Document>)").matcher(xdrBody);
        assertThat(inline.find()).isTrue();
        String cda = new String(Base64.getMimeDecoder().decode(inline.group(2).trim()), StandardCharsets.UTF_8);
        String encoded = Base64.getEncoder().encodeToString(change.apply(cda).getBytes(StandardCharsets.UTF_8));
        return xdrBody.substring(0, inline.start(2)) + encoded + xdrBody.substring(inline.end(2));
    }

    private static String ii(String id) {
        int caret = id.indexOf('^');
        return caret < 0 ? "<id root=\"" + id + "\"/>"
                : "<id root=\"" + id.substring(0, caret) + "\" extension=\"" + id.substring(caret + 1) + "\"/>";
    }
}

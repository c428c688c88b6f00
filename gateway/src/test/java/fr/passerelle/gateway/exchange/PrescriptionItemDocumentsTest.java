package fr.passerelle.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.conformance.ConformanceProperties;
import fr.passerelle.gateway.conformance.ConformanceProperties.DocumentKind;
import fr.passerelle.gateway.conformance.ConformanceProperties.Mode;
import fr.passerelle.gateway.conformance.PivotConformance;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.testsupport.Fixtures;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.translation.DocumentTranslator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * eHDSI allows one prescription item per ePrescription document: a French ePrescription with several items is kept
 * whole and item by item from one translation, and an item beyond the document's is missing.
 */
class PrescriptionItemDocumentsTest {

    @Test
    void aMultiItemPrescriptionIsTranslatedOnceAndServedItemByItem() throws Exception {
        TranslatedDocuments translations = new TranslatedDocuments(new DocumentTranslator(
                TerminologyCatalogue.load(Path.of("../src/data/terminology"))), 64L << 20, PivotConformance.off());
        byte[] ep = Files.readAllBytes(Fixtures.FR_CDA.resolve("eP-MED-DM_2024.01_PosoStruct.xml"));
        AtomicInteger reads = new AtomicInteger();

        TranslatedDocuments.Translation first = translations.translateItem("ep", 1, Optional.empty(), () -> {
            reads.incrementAndGet();
            return ep;
        });
        TranslatedDocuments.Translation whole = translations.translate("ep", Rendering.PIVOT_CDA, Optional.empty(),
                () -> {
                    reads.incrementAndGet();
                    return ep;
                });
        TranslatedDocuments.Translation second = translations.translateItem("ep", 2, Optional.empty(), () -> ep);
        TranslatedDocuments.Translation third = translations.translateItem("ep", 3, Optional.empty(), () -> ep);

        assertThat(reads).as("one translation for the whole and every item").hasValue(1);
        assertThat(whole).isInstanceOfSatisfying(TranslatedDocuments.Done.class, d -> assertThat(d.items()).isEqualTo(2));
        String one = text(first);
        String two = text(second);
        assertThat(one).contains("N02BE01").doesNotContain("50015000");
        assertThat(two).contains("50015000").doesNotContain("N02BE01");
        assertThat(count(one, "root=\"1.3.6.1.4.1.12559.11.10.1.3.1.2.1\"")).isEqualTo(1);
        assertThat(count(two, "root=\"1.3.6.1.4.1.12559.11.10.1.3.1.2.1\"")).isEqualTo(1);
        assertThat(count(text(whole), "root=\"1.3.6.1.4.1.12559.11.10.1.3.1.2.1\"")).isEqualTo(2);
        assertThat(third).isInstanceOfSatisfying(TranslatedDocuments.Failed.class,
                f -> assertThat(f.refusal().error()).isEqualTo(ExchangeError.ERROR_GENERIC_DOCUMENT_MISSING));
    }

    /**
     * With the check enforced, each item stands on its own: one that fails is refused with the check's reason, one
     * that passes is served; the whole, never sent, does not withhold them (it fails "one item per document").
     */
    @Test
    void anEnforcedCheckJudgesEachItemAndNotTheUnsentWhole() throws Exception {
        ConformanceProperties enforce = new ConformanceProperties(Mode.OFF, Path.of("src/test/resources/conformance"),
                "-", "-", "one-item.sch", "one-item.sch", "-", "-", "-", 1,
                Map.of(DocumentKind.EPRESCRIPTION, Mode.ENFORCE));
        TranslatedDocuments translations = new TranslatedDocuments(new DocumentTranslator(
                TerminologyCatalogue.load(Path.of("../src/data/terminology"))), 64L << 20,
                PivotConformance.start(enforce, new SimpleMeterRegistry()));
        byte[] ep = Files.readAllBytes(Fixtures.FR_CDA.resolve("eP-MED-DM_2024.01_PosoStruct.xml"));

        AtomicInteger reads = new AtomicInteger();
        TranslatedDocuments.Translation second = translations.translateItem("ep", 2, Optional.empty(), () -> {
            reads.incrementAndGet();
            return ep;
        });
        // Asked again (each XCA query lists the items): the refusal is kept, not translated and checked anew.
        assertThat(translations.translateItem("ep", 2, Optional.empty(), () -> {
            reads.incrementAndGet();
            return ep;
        })).isInstanceOf(TranslatedDocuments.Failed.class);
        assertThat(reads).hasValue(1);
        assertThat(second).isInstanceOfSatisfying(TranslatedDocuments.Failed.class, f -> {
            assertThat(f.refusal().error()).isEqualTo(ExchangeError.ERROR_TRANSCODING_ERROR);
            assertThat(f.refusal().reason()).contains("EP_L3").contains("1 rule(s)");
        });
        assertThat(text(translations.translateItem("ep", 1, Optional.empty(), () -> ep))).contains("N02BE01");
        assertThat(translations.translate("ep", Rendering.PIVOT_CDA, Optional.empty(), () -> ep))
                .isInstanceOfSatisfying(TranslatedDocuments.Done.class, d -> assertThat(d.items()).isEqualTo(2));
    }

    private static String text(TranslatedDocuments.Translation t) {
        assertThat(t).isInstanceOf(TranslatedDocuments.Done.class);
        return new String(((TranslatedDocuments.Done) t).content(), StandardCharsets.UTF_8);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}

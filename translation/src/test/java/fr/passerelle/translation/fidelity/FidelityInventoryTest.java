package fr.passerelle.translation.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.FrenchCorpus;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.DocumentFormat;
import fr.passerelle.terminology.xml.HardenedXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The fidelity contract of issue 16, enforced: every clinical statement of every French document the project has
 * (ANS samples and demo documents) reaches each output it is translated to — found there by its id, or by its
 * code and time — or is listed in that translation's report as not carried, with its French XPath. None is lost
 * silently.
 *
 * <p>The per-document table (statements / carried / reported / silently lost, per output) is written to
 * {@code target/fidelity.md}, and to {@code docs/fidelity.md} with {@code -Dpasserelle.fidelity.docs=true}.
 */
class FidelityInventoryTest {

    private final DocumentTranslator translator = new DocumentTranslator(SharedSamples.terminology());

    /** One output of one document: how its source statements fared. */
    record Row(String document, String output, int statements, int carried, int reported, List<SourceStatement> lost,
               String note) {
    }

    @Test
    void everyClinicalStatementIsCarriedOrReportedNeverSilentlyLost() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (FrenchCorpus.Source source : FrenchCorpus.documents()) {
            byte[] bytes = SharedSamples.bytes(source.file());
            List<SourceStatement> statements = SourceStatement.of(HardenedXml.parse(bytes));
            CdaDocument read = translator.read(bytes);
            Map<String, BiFunction<CdaDocument, String, TranslationOutcome>> outputs = new java.util.LinkedHashMap<>();
            if (read.format().isPatientSummary()) {
                outputs.put("pivot", translator::toPivot);
                outputs.put("FHIR IPS", translator::toFhirIps);
            } else if (read.format() == DocumentFormat.EP_MED_DM) {
                outputs.put("pivot", translator::toPivot);
                outputs.put("FHIR MPD", translator::toFhirMpd);
            }
            if (outputs.isEmpty()) {
                rows.add(new Row(source.name(), "-", statements.size(), 0, 0, List.of(),
                        read.format().name().replace('_', '-') + ": not sent abroad (no eHDSI or FHIR output)"));
                continue;
            }
            for (Map.Entry<String, BiFunction<CdaDocument, String, TranslationOutcome>> output : outputs.entrySet()) {
                TranslationOutcome outcome = output.getValue().apply(read, null);
                assertThat(outcome).as("%s to %s", source.name(), output.getKey())
                        .isInstanceOf(TranslationOutcome.Translated.class);
                TranslationOutcome.Translated translated = (TranslationOutcome.Translated) outcome;
                OutputIndex index = translated.mediaType().equals("application/fhir+json")
                        ? OutputIndex.ofFhir(translated.document()) : OutputIndex.ofPivot(translated.document());
                // The PDF the French document embeds travels as the level-1 pivot document, beside the level 3.
                String pdf = translated.levelOne().isPresent() && read.pdf().isPresent()
                        ? read.pdf().get().source().xpath() : null;
                rows.add(row(source.name(), output.getKey(), statements, index, pdf, translated.report()));
            }
        }
        String table = markdown(rows);
        System.out.println(table);
        List<String> lost = new ArrayList<>();
        for (Row r : rows) {
            r.lost().forEach(s -> lost.add(r.document() + " -> " + r.output() + ": " + s.what() + " at " + s.xpath()));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fidelity.md"), table, StandardCharsets.UTF_8);
        Files.write(Path.of("target", "fidelity-lost.txt"), lost, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("passerelle.fidelity.docs")) {
            Files.writeString(Path.of("../docs/fidelity.md"), table, StandardCharsets.UTF_8);
        }
        assertThat(lost).as("clinical statements neither carried nor reported as not carried").isEmpty();
    }

    private static Row row(String document, String output, List<SourceStatement> statements, OutputIndex index,
                           String levelOnePdf, TranslationReport report) {
        int carried = 0;
        int reported = 0;
        List<SourceStatement> lost = new ArrayList<>();
        for (SourceStatement s : statements) {
            if (index.carries(s) || levelOnePdf != null && inSectionOf(levelOnePdf, s.xpath())) {
                carried++;
            } else if (report.notCarried().stream().anyMatch(n -> covers(n.sourceXpath(), s.xpath()))) {
                reported++;
            } else {
                lost.add(s);
            }
        }
        return new Row(document, output, statements.size(), carried, reported, lost, "");
    }

    /**
     * The level-1 pivot is the PDF copy of the French document: it carries the whole section that embeds the PDF
     * (the media and what the section says about it).
     */
    private static boolean inSectionOf(String pdfXpath, String statement) {
        int section = pdfXpath.indexOf("/section/");
        return section >= 0 && statement.startsWith(pdfXpath.substring(0, section + "/section/".length()));
    }

    /** A report line about the statement itself or about something containing it (its section). */
    private static boolean covers(String reported, String statement) {
        return reported != null && (reported.equals(statement) || statement.startsWith(reported + "/"));
    }

    static String markdown(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("# Clinical fidelity: every statement carried, or reported\n\n")
                .append("Generated by `translation/src/test/java/fr/passerelle/translation/fidelity/FidelityInventoryTest.java`")
                .append(" (`-Dpasserelle.fidelity.docs=true` rewrites this file). A *statement* is each entry of a French")
                .append(" document (the observations of a concern act and the components of an organizer counted one by")
                .append(" one) and each section that has narrative text but no entry, read from the document itself. It is")
                .append(" *carried* when the output holds its id, or its code with its time (an embedded PDF: when it is")
                .append(" the pivot's level-1 document); *reported* when the")
                .append(" translation report lists it (or its section) as not carried, with its French XPath; otherwise it")
                .append(" is *silently lost*, which the test refuses.\n\n")
                .append("| document | output | statements | carried | reported | silently lost |\n")
                .append("|---|---|---:|---:|---:|---:|\n");
        Map<String, int[]> totals = new TreeMap<>();
        for (Row r : rows) {
            if (!r.note().isEmpty()) {
                out.append("| ").append(r.document()).append(" | ").append(r.note()).append(" | ").append(r.statements())
                        .append(" | | | |\n");
                continue;
            }
            out.append("| ").append(r.document()).append(" | ").append(r.output()).append(" | ").append(r.statements())
                    .append(" | ").append(r.carried()).append(" | ").append(r.reported()).append(" | ")
                    .append(r.lost().size()).append(" |\n");
            int[] t = totals.computeIfAbsent(r.output(), k -> new int[4]);
            t[0] += r.statements();
            t[1] += r.carried();
            t[2] += r.reported();
            t[3] += r.lost().size();
        }
        totals.forEach((output, t) -> out.append("| **all** | ").append(output).append(" | ").append(t[0]).append(" | ")
                .append(t[1]).append(" | ").append(t[2]).append(" | ").append(t[3]).append(" |\n"));
        Map<String, List<String>> lost = new TreeMap<>();
        for (Row r : rows) {
            for (SourceStatement s : r.lost()) {
                String kind = r.output() + " — section " + s.section() + ", " + s.what().split(" ")[0]
                        + (s.sectionText() ? " text" : "");
                lost.computeIfAbsent(kind, k -> new ArrayList<>()).add(r.document() + " `" + s.xpath() + "`"
                        + (s.code() == null || s.sectionText() ? "" : " (" + s.code() + ")"));
            }
        }
        if (!lost.isEmpty()) {
            out.append("\n## Silently lost, by output and section (the work left)\n\n");
            lost.forEach((kind, where) -> {
                out.append("- ").append(kind).append(": ").append(where.size()).append(", e.g. ").append(where.get(0))
                        .append('\n');
            });
        }
        return out.toString();
    }
}

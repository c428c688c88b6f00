package fr.passerelle.gateway.terminology;

import fr.passerelle.terminology.Terminology;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.TranslationReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many coded elements of French documents reach their eHDSI value set: each document is translated to the
 * eHDSI pivot exactly as for a request, and its translation report counts the coded elements transcoded (and,
 * among them, those whose pivot is broader than the French code) and those left outside the value set (written
 * per eHDSI with {@code nullFlavor="OTH"}, the French code as translation). Documents without a pivot
 * counterpart (a French dispensation) are listed apart and not counted.
 */
record TranscodingCoverage(List<DocumentCoverage> documents) {

    /** One document: counts, the gaps, or why it has no pivot. */
    record DocumentCoverage(Path document, int mapped, int broader, List<TranslationReport.UnmappedCode> gaps,
                            String notTranslated) {
    }

    static TranscodingCoverage of(Terminology terminology, List<Path> documents) throws IOException {
        DocumentTranslator translator = new DocumentTranslator(terminology);
        List<DocumentCoverage> out = new ArrayList<>();
        for (Path d : documents) {
            TranslationOutcome outcome = translator.toPivot(Files.readAllBytes(d), null);
            if (outcome instanceof TranslationOutcome.Translated t) {
                TranslationReport r = t.report();
                int broader = (int) r.mapped().stream().filter(TranslationReport.MappedCode::broader).count();
                out.add(new DocumentCoverage(d, r.mapped().size(), broader, r.unmapped(), null));
            } else {
                out.add(new DocumentCoverage(d, 0, 0, List.of(),
                        ((TranslationOutcome.Rejected) outcome).failure().toString()));
            }
        }
        return new TranscodingCoverage(List.copyOf(out));
    }

    int mapped() {
        return documents.stream().mapToInt(DocumentCoverage::mapped).sum();
    }

    int unmapped() {
        return documents.stream().mapToInt(d -> d.gaps().size()).sum();
    }

    /** Share of coded elements transcoded, in percent (100 when there is none). */
    double percent() {
        int all = mapped() + unmapped();
        return all == 0 ? 100.0 : 100.0 * mapped() / all;
    }

    String toText() {
        StringBuilder out = new StringBuilder("Coded elements of the documents transcoded into their eHDSI value set:\n");
        Map<String, Integer> gaps = new TreeMap<>();
        for (DocumentCoverage d : documents) {
            if (d.notTranslated() != null) {
                out.append(String.format("  %-40s no eHDSI pivot: %s%n", d.document().getFileName(), d.notTranslated()));
                continue;
            }
            out.append(String.format("  %-40s %3d of %3d (%d broader than the French code)%n", d.document().getFileName(),
                    d.mapped(), d.mapped() + d.gaps().size(), d.broader()));
            for (TranslationReport.UnmappedCode u : d.gaps()) {
                gaps.merge(u.system() + " " + u.code() + " [value set " + u.valueSet() + "] " + u.reason(), 1,
                        Integer::sum);
            }
        }
        out.append(String.format("  total: %,d of %,d coded elements = %.1f %%%n", mapped(), mapped() + unmapped(),
                percent()));
        if (!gaps.isEmpty()) {
            out.append("  left outside their value set (nullFlavor OTH, French code as translation):\n");
            gaps.forEach((g, n) -> out.append(String.format("    %3d x %s%n", n, g)));
        }
        return out.toString();
    }
}

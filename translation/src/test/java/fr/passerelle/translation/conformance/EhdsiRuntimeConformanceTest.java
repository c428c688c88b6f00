package fr.passerelle.translation.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.cda.DocumentFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every pivot the build produces, run through the eHDSI ART-DECOR runtime schematrons (what the eHDSI "PIVOT CDA
 * (L3)/(L1)" validators are built from): PS L3 and L1 of the VSM and IPS-FR samples, eP L3 and L1 of the eP-MED-DM
 * sample (and each prescription item's own eP document when the French prescription has several lines), and the
 * same for every document of the demo health space ({@code src/data/demo/documents}).
 *
 * <p>Target: no error on any document. Until then each document has its EXPECTED set of failing rules (exact rule
 * ids, {@code src/test/resources/conformance/expected-errors/<document>.txt}): a new failing rule fails the test, and
 * so does an expected rule that no longer fails — the list must shrink with every fix until it is empty. Rewrite the
 * lists from the current pivots with {@code -D}{@value #UPDATE}{@code =true} (and review the diff).
 *
 * <p>Findings of assertions reading one of the runtime's empty (stub) vocabulary files are reported apart as
 * "stub-vocabulary" with the file they read, never counted as errors nor ignored silently.
 */
class EhdsiRuntimeConformanceTest {

    static final String UPDATE = "passerelle.conformance.update-expected";
    private static final Path EXPECTED = Path.of("src/test/resources/conformance/expected-errors");
    private static final Path DEMO = Path.of("../src/data/demo/documents");
    private static final Path REPORT = Path.of("target/conformance/ehdsi-runtime-report.md");
    private static final Path OPENNCP = SharedSamples.EHDSI_CDA;

    private static final DocumentTranslator TRANSLATOR = new DocumentTranslator(SharedSamples.terminology());
    private static final Map<String, Row> ROWS = Collections.synchronizedMap(new TreeMap<>());

    /** One pivot checked: its key, the schematron, and what the schematron said. */
    record Row(String key, String schematron, ConformanceResult result, SortedSet<String> expected) {
    }

    /** A pivot to check: its key (file name of its expected list), the runtime schematron, the document. */
    record Pivot(String key, String schematron, String xml) {
    }

    @TestFactory
    Stream<DynamicTest> everyPivotOfEverySampleAndDemoDocument() throws IOException {
        EhdsiRuntime.assumePresent();
        List<Pivot> pivots = new ArrayList<>();
        pivots.addAll(pivotsOf("sample-VSM", SharedSamples.VSM));
        pivots.addAll(pivotsOf("sample-IPS-FR", SharedSamples.IPS_FR));
        pivots.addAll(pivotsOf("sample-eP", SharedSamples.EP));
        try (Stream<Path> files = Files.list(DEMO)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                pivots.addAll(pivotsOf("demo-" + f.getFileName().toString().replace(".xml", ""), f));
            }
        }
        assertThat(pivots).as("pivots produced").hasSizeGreaterThanOrEqualTo(20);
        return pivots.stream().map(p -> DynamicTest.dynamicTest(p.key(), () -> check(p)));
    }

    /**
     * Controls: OpenNCP's eHDSI wave-8 critical test data, written by eHDSI implementers. Their rule sets are
     * recorded like ours (they never change: the documents are fixed) so the table shows where our pivots stand.
     */
    @TestFactory
    Stream<DynamicTest> openNcpReferencePivots() {
        EhdsiRuntime.assumePresent();
        return Stream.of(new Pivot("control-openncp-PS-W8-L3", EhdsiRuntime.PS_L3,
                        read(OPENNCP.resolve("psstore/2-1234-W8.xml"))),
                new Pivot("control-openncp-eP-W8-L3", EhdsiRuntime.EP_L3, read(OPENNCP.resolve("epstore/1-1234-W8.xml"))))
                .map(p -> DynamicTest.dynamicTest(p.key(), () -> check(p)));
    }

    /** The validator bites: a pivot that lost its eHDSI document template and its patient fails. */
    @Test
    void aBrokenPivotIsCaught() throws Exception {
        Pivot vsm = pivotsOf("sample-VSM", SharedSamples.VSM).get(0);
        PivotSchematron ps = EhdsiRuntime.schematron(EhdsiRuntime.PS_L3);
        ConformanceResult broken = ps.validate(vsm.xml().replaceFirst("<recordTarget[\\s\\S]*?</recordTarget>", ""));
        assertThat(broken.errors()).anyMatch(f -> f.message().contains("hl7:recordTarget"));
        assertThat(broken.errors().size()).isGreaterThan(ps.validate(vsm.xml()).errors().size());
    }

    private static void check(Pivot p) throws Exception {
        ConformanceResult result = EhdsiRuntime.schematron(p.schematron()).validate(p.xml());
        SortedSet<String> expected = expected(p.key());
        ROWS.put(p.key(), new Row(p.key(), p.schematron(), result, expected));
        // ART-DECOR warns, not errs, when the document template it checks is not declared: then none of its
        // rules ran, and "0 errors" would mean nothing.
        assertThat(result.warnings()).as(p.key() + ": the schematron recognises the document's eHDSI template")
                .noneMatch(w -> w.message().contains("Instance is expected to have the following element"));
        SortedSet<String> actual = EhdsiRuntime.errorRuleIds(result);
        if (Boolean.getBoolean(UPDATE)) {
            writeExpected(p.key(), result);
            return;
        }
        SortedSet<String> added = new TreeSet<>(actual);
        added.removeAll(expected);
        SortedSet<String> fixed = new TreeSet<>(expected);
        fixed.removeAll(actual);
        if (!added.isEmpty() || !fixed.isEmpty()) {
            StringBuilder why = new StringBuilder(p.key() + " (" + p.schematron() + "): the failing rules changed.");
            if (!added.isEmpty()) {
                why.append("\n  NEW errors (a regression: fix the pivot):");
                result.errors().stream().filter(f -> added.contains(f.ruleId())).map(f -> f.ruleId() + "  " + f.message())
                        .distinct().forEach(s -> why.append("\n    ").append(s));
            }
            if (!fixed.isEmpty()) {
                why.append("\n  FIXED rules still listed as expected (remove them from ").append(EXPECTED.resolve(p.key()
                        + ".txt")).append(", e.g. rerun with -D").append(UPDATE).append("=true and review):");
                fixed.forEach(s -> why.append("\n    ").append(s));
            }
            fail(why.toString());
        }
    }

    private static List<Pivot> pivotsOf(String name, Path source) {
        byte[] cda = SharedSamples.bytes(source);
        DocumentFormat format;
        try {
            format = TRANSLATOR.read(cda).format();
        } catch (Exception e) {
            throw new AssertionError(source + " does not read: " + e.getMessage(), e);
        }
        if (!format.isPatientSummary() && format != DocumentFormat.EP_MED_DM) {
            return List.of(); // eDISP-MED: no pivot is produced from a French dispensation
        }
        TranslationOutcome out = TRANSLATOR.toPivot(cda, null);
        assertThat(out).as(source + " translates").isInstanceOf(TranslationOutcome.Translated.class);
        TranslationOutcome.Translated t = (TranslationOutcome.Translated) out;
        boolean ps = format.isPatientSummary();
        List<Pivot> pivots = new ArrayList<>();
        pivots.add(new Pivot(name + (ps ? "-PS-L3" : "-eP-L3"), ps ? EhdsiRuntime.PS_L3 : EhdsiRuntime.EP_L3, t.document()));
        if (t.items().size() > 1) {
            // eHDSI holds one prescription item per ePrescription: each item's own document is checked too.
            for (int i = 0; i < t.items().size(); i++) {
                pivots.add(new Pivot(name + "-eP-L3-item" + (i + 1), EhdsiRuntime.EP_L3, t.items().get(i)));
            }
        }
        t.levelOne().ifPresent(l1 -> pivots.add(new Pivot(name + (ps ? "-PS-L1" : "-eP-L1"),
                ps ? EhdsiRuntime.PS_L1 : EhdsiRuntime.EP_L1, l1)));
        return pivots;
    }

    private static SortedSet<String> expected(String key) throws IOException {
        Path f = EXPECTED.resolve(key + ".txt");
        SortedSet<String> ids = new TreeSet<>();
        if (Files.isRegularFile(f)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    ids.add(line.split("\t", 2)[0].strip());
                }
            }
        }
        return ids;
    }

    private static void writeExpected(String key, ConformanceResult result) throws IOException {
        Path f = EXPECTED.resolve(key + ".txt");
        if (result.errors().isEmpty()) {
            Files.deleteIfExists(f);
            return;
        }
        SortedMap<String, String> lines = new TreeMap<>();
        result.errors().forEach(e -> lines.putIfAbsent(e.ruleId(), e.message()));
        StringBuilder out = new StringBuilder("# eHDSI runtime errors still expected on " + key
                + " (rule id <TAB> message); the goal is an empty list.\n");
        lines.forEach((id, msg) -> out.append(id).append('\t').append(msg).append('\n'));
        Files.createDirectories(EXPECTED);
        Files.writeString(f, out.toString(), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void printTable() throws IOException {
        if (ROWS.isEmpty()) {
            return;
        }
        StringBuilder t = new StringBuilder("# eHDSI ART-DECOR runtime on Passerelle's pivots\n\nruntime: "
                + EhdsiRuntime.archive().getFileName() + "\n\n| document | schematron | errors (rules) | warnings |"
                + " stub-vocabulary | expected rules |\n|---|---|---|---|---|---|\n");
        synchronized (ROWS) {
            for (Row r : ROWS.values()) {
                ConformanceResult c = r.result();
                t.append("| ").append(r.key()).append(" | ").append(r.schematron()).append(" | ")
                        .append(c.errors().size()).append(" (").append(EhdsiRuntime.errorRuleIds(c).size()).append(") | ")
                        .append(c.warnings().size()).append(" | ").append(EhdsiRuntime.stubVocabularyFindings(c).size())
                        .append(" | ").append(r.expected().size()).append(" |\n");
            }
            for (Row r : ROWS.values()) {
                t.append("\n## ").append(r.key()).append('\n');
                list(t, "error", r.result().errors());
                list(t, "warning", r.result().warnings());
                list(t, "stub-vocabulary", EhdsiRuntime.stubVocabularyFindings(r.result()));
            }
        }
        System.out.println(t);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, t.toString(), StandardCharsets.UTF_8);
    }

    private static void list(StringBuilder t, String kind, List<Finding> findings) {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        findings.stream().sorted(java.util.Comparator.comparing(Finding::ruleId))
                .forEach(f -> byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f));
        byRule.forEach((id, fs) -> {
            Finding f = fs.get(0);
            t.append("- ").append(kind).append(" `").append(id).append("` ×").append(fs.size()).append(": ")
                    .append(f.message());
            if (f.onStubVocabulary()) {
                t.append(" — reads empty stub ").append(String.join(", ", f.stubVocabularies())).append(" (")
                        .append(f.severity().name().toLowerCase(java.util.Locale.ROOT)).append(")");
            }
            t.append(" — at ").append(f.location().replaceAll("\\*:(\\w+)\\[namespace-uri\\(\\)='[^']*'\\]", "$1"))
                    .append('\n');
        });
    }

    private static String read(Path p) {
        return new String(SharedSamples.bytes(p), StandardCharsets.UTF_8);
    }
}

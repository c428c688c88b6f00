package fr.passerelle.translation.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.SharedSamples;
import fr.passerelle.translation.TranslationOutcome;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.xml.transform.Templates;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.TransformerFactoryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The rewritten validator ({@link VocabularyIndex}, {@link ValidatorTuning}, {@link ReportTrimming},
 * {@link DirectedWalks}, findings read as the SVRL is written) says exactly what the ISO skeleton's own output
 * says: the same findings (rule id, severity, location, text, stub vocabularies), in the same order, on pivots
 * that pass, on pivots broken in several ways (many rules failing, in the header, the sections and the entries;
 * cardinalities and value-set memberships failing) and on OpenNCP's reference pivots. The skeleton's own output takes seconds per document, hence a handful of
 * documents only.
 */
class TunedValidatorEquivalenceTest {

    private static final Path OPENNCP = SharedSamples.EHDSI_CDA;
    private static final DocumentTranslator TRANSLATOR = new DocumentTranslator(SharedSamples.terminology());

    /** Breaks a pivot in several places at once: patient, section codes, entry statuses, dates, act classes. */
    static final UnaryOperator<String> BREAK = xml -> xml
            .replaceFirst("<recordTarget[\\s\\S]*?</recordTarget>", "")
            .replace("codeSystem=\"2.16.840.1.113883.6.1\"", "codeSystem=\"9.9.9\"")
            .replace("<statusCode code=\"completed\"", "<statusCode code=\"unknown-status\"")
            .replace("<statusCode code=\"active\"", "<statusCode code=\"unknown-status\"")
            .replaceFirst("<effectiveTime value=\"\\d+", "<effectiveTime value=\"20XX")
            .replace("classCode=\"OBS\"", "classCode=\"XYZ\"")
            .replaceFirst("<author>", "<author nullFlavor=\"UNK\">");

    /**
     * Breaks cardinalities and value-set memberships (the look-ups {@link VocabularyIndex} rewrites): a second
     * language code, not in its value set (so the membership is false for one of two); a confidentiality code of
     * an unknown code system; the title, and a completed status, twice.
     */
    static final UnaryOperator<String> BREAK_COUNTS = xml -> xml
            .replaceFirst("(<languageCode code=\"[^\"]*\"/>)", "$1<languageCode code=\"xx-XX\"/>")
            .replaceFirst("(<confidentialityCode [^>]*codeSystem=\")[^\"]*", "$19.9.9")
            .replaceFirst("(<title>[^<]*</title>)", "$1$1")
            .replaceFirst("(<statusCode code=\"completed\"/>)", "$1$1");

    @Test
    void patientSummaryPivots() throws Exception {
        String vsm = pivot(SharedSamples.VSM);
        String ipsFr = pivot(SharedSamples.IPS_FR);
        List<Finding> counts = sameFindings(EhdsiRuntime.PS_L3, List.of(vsm, BREAK.apply(vsm), ipsFr,
                BREAK.apply(ipsFr), read(OPENNCP.resolve("psstore/2-1234-W8.xml")), BREAK_COUNTS.apply(ipsFr)));
        // Those tests did fail: a cardinality over a value-set membership, others too often present.
        assertThat(counts).extracting(Finding::message)
                .anyMatch(m -> m.contains("confidentialityCode") && m.contains("[min 1x]"))
                .filteredOn(m -> m.contains("appears too often")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void ePrescriptionPivots() throws Exception {
        String ep = pivot(SharedSamples.EP);
        sameFindings(EhdsiRuntime.EP_L3, List.of(ep, BREAK.apply(ep), read(OPENNCP.resolve("epstore/1-1234-W8.xml")),
                BREAK_COUNTS.apply(ep)));
    }

    /**
     * Without the eHDSI runtime: a small schematron with what the rewrites touch — a pattern without rules, a
     * pattern whose only rule is on the root, an abstract rule extended in two patterns, asserts and reports on
     * elements and attributes, a let — gives the skeleton's findings, failing and passing.
     */
    @Test
    void aSmallSchematronWithoutTheRuntime(@TempDir Path dir) throws Exception {
        Path sch = dir.resolve("small.sch");
        Files.writeString(sch, """
                <schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
                  <ns prefix="hl7" uri="urn:hl7-org:v3"/>
                  <let name="oid" value="'^[0-2](\\.(0|[1-9]\\d*))*$'"/>
                  <pattern id="empty"/>
                  <pattern id="root">
                    <rule context="/"><assert test="hl7:ClinicalDocument" role="error">not a CDA</assert></rule>
                  </pattern>
                  <pattern id="template-1.2.3-2024">
                    <rule abstract="true" id="II"><assert test="matches(@root, $oid)">bad root</assert></rule>
                    <rule context="hl7:ClinicalDocument"><assert test="hl7:title">no title</assert>
                      <report test="hl7:code/@nullFlavor" role="warning">code unknown</report></rule>
                    <rule context="hl7:id"><extends rule="II"/><assert test="@extension" role="info">no extension</assert></rule>
                    <rule context="hl7:*/@moodCode"><assert test=". = 'EVN'">mood <value-of select="."/></assert></rule>
                  </pattern>
                  <pattern id="template-4.5.6-2024">
                    <rule context="hl7:author/hl7:id"><extends rule="II"/></rule>
                  </pattern>
                </schema>""");
        String bad = "<ClinicalDocument xmlns='urn:hl7-org:v3'><code nullFlavor='UNK'/><id root='x1'/>"
                + "<author><id root='9.9'/></author><act moodCode='INT'/><act moodCode='EVN'/></ClinicalDocument>";
        String good = "<ClinicalDocument xmlns='urn:hl7-org:v3'><title>t</title><id root='1.2' extension='e'/>"
                + "</ClinicalDocument>";
        List<List<Finding>> findings = sameFindings(PivotSchematron.compile(sch), sch, List.of(bad, good, "<other/>"));
        assertThat(findings.get(0)).extracting(Finding::ruleId).containsExactly("1.2.3-2024#1", "1.2.3-2024#2",
                "1.2.3-2024/II#1", "1.2.3-2024#3", "1.2.3-2024/II#1", "1.2.3-2024#3", "1.2.3-2024#4",
                "4.5.6-2024/II#1");
        assertThat(findings.get(1)).isEmpty();
        assertThat(findings.get(2)).hasSize(1);
    }

    /**
     * Without the eHDSI runtime: ART-DECOR's two value-set test shapes ({@link VocabularyIndex}), each inside a
     * pair of counts, against a small vocabulary file whose quirks matter (only the first value set counts; an
     * exception is a member for the code-only test, not for the code-and-system one; the code and system are
     * compared concatenated), give the skeleton's findings on documents passing and failing each test.
     */
    @Test
    void countsAndValueSetsWithoutTheRuntime(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("voc.xml"), """
                <valueSets>
                  <valueSet><conceptList><concept code="fr-FR" codeSystem="1.0"/><exception code="en"/></conceptList></valueSet>
                  <valueSet><conceptList><concept code="de" codeSystem="1.0"/></conceptList></valueSet>
                </valueSets>""");
        String language = "hl7:languageCode[@code = doc('voc.xml')//valueSet[1]/conceptList/*/@code]";
        String confidentiality = "hl7:confidentialityCode[concat(@code, @codeSystem) = "
                + "doc('voc.xml')//valueSet[1]/conceptList/concept/concat(@code, @codeSystem)]";
        Path sch = dir.resolve("counts.sch");
        Files.writeString(sch, """
                <schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
                  <ns prefix="hl7" uri="urn:hl7-org:v3"/>
                  <pattern id="template-7.8.9-2024">
                    <rule context="hl7:ClinicalDocument">
                      <assert test="count(%1$s) &gt;= 1">language missing</assert>
                      <assert test="count(%1$s) &lt;= 1">language too often</assert>
                      <assert test="count(%2$s) = 1">one confidentiality</assert>
                      <report test="count(%2$s) &gt; 1">confidentiality too often</report>
                    </rule>
                  </pattern>
                </schema>""".formatted(language, confidentiality));
        PivotSchematron.Generated generated = PivotSchematron.generate(new TransformerFactoryImpl(), sch, true);
        assertThat(attributes(generated.stylesheet().getDocumentElement()))
                .anyMatch(a -> a.contains("key('passerelle-voc-code', @code"))
                .anyMatch(a -> a.contains("key('passerelle-voc-code-system', concat(@code, @codeSystem)"));
        String passing = document("<languageCode code='fr-FR'/><confidentialityCode code='fr-FR' codeSystem='1.0'/>");
        List<String> documents = List.of(passing,
                document("<languageCode code='en'/><confidentialityCode code='fr-FR1' codeSystem='.0'/>"),
                document("<languageCode code='de'/><confidentialityCode code='en' codeSystem=''/>"),
                document("<languageCode code='fr-FR'/><languageCode code='en'/><languageCode code='xx'/>"
                        + "<confidentialityCode code='fr-FR' codeSystem='1.0'/><confidentialityCode code='fr-FR' codeSystem='1.0'/>"),
                document("<languageCode/><confidentialityCode code='de' codeSystem='1.0'/>"),
                document(""));
        List<List<Finding>> findings = sameFindings(PivotSchematron.compile(sch), sch, documents);
        assertThat(findings.get(0)).isEmpty();
        assertThat(findings.stream().flatMap(List::stream).map(Finding::message)).contains("language missing", "language too often", "one confidentiality",
                "confidentiality too often");
    }

    /**
     * Without the eHDSI runtime: patterns {@link DirectedWalks} rewrites — absolute contexts from the root, and
     * relative ones under the parents of a template's elements, with predicates, nested templates and elements
     * off every rule's path — give the skeleton's findings in its order, on a document failing rules at several
     * depths, in both patterns and in nested entries.
     */
    @Test
    void directedWalksWithoutTheRuntime(@TempDir Path dir) throws Exception {
        Path sch = dir.resolve("walks.sch");
        Files.writeString(sch, """
                <schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
                  <ns prefix="hl7" uri="urn:hl7-org:v3"/>
                  <pattern id="template-1.1-2024">
                    <rule context="/hl7:ClinicalDocument[hl7:templateId[@root = '1.1']]">
                      <assert test="hl7:title">no title</assert></rule>
                    <rule context="/hl7:ClinicalDocument[hl7:templateId[@root = '1.1']]/hl7:component/hl7:section[hl7:code]">
                      <assert test="hl7:title">section <value-of select="hl7:code/@code"/> has no title</assert></rule>
                    <rule context="/hl7:ClinicalDocument[hl7:templateId[@root = '1.1']]/hl7:component/hl7:section/hl7:entry/hl7:*">
                      <assert test="@moodCode = 'EVN'">entry act <value-of select="local-name()"/> not an event</assert></rule>
                  </pattern>
                  <pattern id="template-2.2-2024">
                    <rule context="*[hl7:act[hl7:templateId[@root = '2.2']]]">
                      <assert test="@typeCode = 'COMP'">entry <value-of select="count(preceding::*)"/> not COMP</assert></rule>
                    <rule context="*[hl7:act[hl7:templateId[@root = '2.2']]]/hl7:act[hl7:templateId[@root = '2.2']]/hl7:code">
                      <assert test="@code = 'X'">act code <value-of select="@code"/></assert></rule>
                    <rule context="*[hl7:act[hl7:templateId[@root = '2.2']]]/hl7:act[hl7:templateId[@root = '2.2']]">
                      <report test="hl7:entryRelationship">act <value-of select="hl7:code/@code"/> nests</report></rule>
                  </pattern>
                </schema>""");
        List<String> starts = new ArrayList<>();
        Element root = PivotSchematron.generate(new TransformerFactoryImpl(), sch, true).stylesheet().getDocumentElement();
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element t && "template".equals(t.getLocalName()) && "/".equals(t.getAttribute("match"))) {
                starts.addAll(attributes(t));
            }
        }
        assertThat(starts).as("both patterns walk directed")
                .anyMatch(a -> a.startsWith("/(hl7:ClinicalDocument/(. | hl7:component/(. | hl7:section/(."))
                .anyMatch(a -> a.startsWith("$passerelle-scope/(. | hl7:act/(. | hl7:code"));
        String act = "<act moodCode='%s'><templateId root='2.2'/><code code='%s'/>%s</act>";
        String nested = "<entryRelationship typeCode='%s'>" + act + "</entryRelationship>";
        String bad = document("<templateId root='1.1'/><component><section><code code='s1'/>"
                + "<entry typeCode='COMP'>" + act.formatted("INT", "A", nested.formatted("X", "EVN", "B",
                        nested.formatted("COMP", "INT", "X", ""))) + "</entry>"
                + "<entry><observation moodCode='EVN'><code code='o'/></observation></entry>"
                + "<text><section><code code='deep'/></section></text></section></component>"
                + "<component><section><title>t</title><entry typeCode='DRIV'>" + act.formatted("EVN", "C", "")
                + "</entry></section></component>");
        List<Finding> findings = sameFindings(PivotSchematron.compile(sch), sch, List.of(bad)).get(0);
        assertThat(findings).extracting(Finding::message).containsExactly("no title", "section s1 has no title",
                "entry act act not an event", "act A nests", "act code A", "entry 4 not COMP", "act B nests",
                "act code B", "entry 23 not COMP", "act code C");
    }

    private static String document(String body) {
        return "<ClinicalDocument xmlns='urn:hl7-org:v3'>" + body + "</ClinicalDocument>";
    }

    private static List<String> attributes(Element root) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < root.getAttributes().getLength(); i++) {
            out.add(root.getAttributes().item(i).getNodeValue());
        }
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                out.addAll(attributes(e));
            }
        }
        return out;
    }

    /**
     * Compares on the pivots of an eHDSI schematron, the first passing, the second broken; returns the tuned
     * validator's findings on the last one.
     */
    private static List<Finding> sameFindings(String file, List<String> documents) throws Exception {
        List<List<Finding>> findings = sameFindings(EhdsiRuntime.schematron(file),
                EhdsiRuntime.directory().resolve(file), documents);
        List<Finding> passing = findings.get(0);
        List<Finding> broken = findings.get(1);
        // The broken pivot must exercise failing assertions in many rules, or the comparison proves little.
        assertThat(broken.stream().filter(Finding::isError).map(Finding::ruleId).distinct().count())
                .as(file + ": distinct failing rules on the broken pivot").isGreaterThanOrEqualTo(5);
        assertThat(broken.size()).isGreaterThan(passing.size());
        return findings.get(findings.size() - 1);
    }

    /** The tuned validator's findings on each document, each asserted equal to the skeleton's on it. */
    private static List<List<Finding>> sameFindings(PivotSchematron tuned, Path sch, List<String> documents)
            throws Exception {
        Skeleton skeleton = new Skeleton(sch);
        List<List<Finding>> findings = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            List<Finding> tunedFindings = tuned.validate(documents.get(i)).findings();
            assertThat(tunedFindings).as(sch.getFileName() + ", document " + i)
                    .isEqualTo(skeleton.findings(documents.get(i)));
            findings.add(tunedFindings);
        }
        return findings;
    }

    /**
     * The skeleton's stylesheet as generated (assertion ids added, nothing rewritten), its SVRL built as a DOM
     * and read the way the gateway read it before findings were read as written.
     */
    private static final class Skeleton {
        private final Templates templates;
        private final Map<String, Set<String>> stubs;

        Skeleton(Path sch) throws Exception {
            TransformerFactoryImpl saxon = new TransformerFactoryImpl();
            PivotSchematron.Generated g = PivotSchematron.generate(saxon, sch, false);
            templates = saxon.newTemplates(new DOMSource(g.stylesheet(), sch.toUri().toString()));
            stubs = g.stubs();
        }

        List<Finding> findings(String xml) throws Exception {
            DOMResult svrl = new DOMResult();
            templates.newTransformer().transform(new StreamSource(new StringReader(xml)), svrl);
            List<Finding> out = new ArrayList<>();
            String pattern = "";
            for (Node n = ((Document) svrl.getNode()).getDocumentElement().getFirstChild(); n != null;
                    n = n.getNextSibling()) {
                if (!(n instanceof Element e) || !SvrlFindings.SVRL.equals(e.getNamespaceURI())) {
                    continue;
                }
                if ("active-pattern".equals(e.getLocalName())) {
                    String key = e.getAttribute("id").isEmpty() ? e.getAttribute("name") : e.getAttribute("id");
                    pattern = key.startsWith("template-") ? key.substring("template-".length()) : key;
                } else if ("failed-assert".equals(e.getLocalName()) || "successful-report".equals(e.getLocalName())) {
                    String raw = e.getAttribute("id");
                    String id = raw.startsWith("abstract:") ? pattern + "/" + raw.substring("abstract:".length()) : raw;
                    out.add(new Finding(id, severity(e.getAttribute("role")), e.getAttribute("location"), message(e),
                            stubs.getOrDefault(raw, Set.of())));
                }
            }
            return out;
        }

        private static String message(Element failed) {
            for (Node c = failed.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e && "text".equals(e.getLocalName())) {
                    return e.getTextContent().replaceAll("\\s+", " ").strip();
                }
            }
            return failed.getTextContent().replaceAll("\\s+", " ").strip();
        }

        private static Finding.Severity severity(String role) {
            return switch (role.toLowerCase(Locale.ROOT)) {
                case "warning", "warn" -> Finding.Severity.WARNING;
                case "info", "information", "hint" -> Finding.Severity.INFO;
                default -> Finding.Severity.ERROR;
            };
        }
    }

    private static String pivot(Path french) {
        return ((TranslationOutcome.Translated) TRANSLATOR.toPivot(SharedSamples.bytes(french), null)).document();
    }

    private static String read(Path p) {
        return new String(SharedSamples.bytes(p), StandardCharsets.UTF_8);
    }
}

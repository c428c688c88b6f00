package fr.passerelle.translation.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.Source;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.TransformerFactoryImpl;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An ISO Schematron (XSLT 2 query binding) compiled once into a validating stylesheet and run on documents.
 *
 * <p>Compilation is the ISO skeleton's own pipeline (what the eHDSI ART-DECOR runtime is published for):
 * {@code iso_dsdl_include} → {@code iso_abstract_expand} → {@code iso_svrl_for_xslt2} with {@code allow-foreign=true},
 * on Saxon-HE. Between the last two steps every assertion without an {@code @id} is given one (see
 * {@link Finding#ruleId()}), so failures can be tracked rule by rule, and each assertion whose test reads an empty
 * (stub) vocabulary file is noted: its findings are reported apart.
 *
 * <p>The vocabulary files the assertions read with {@code doc()} are parsed once and shared by every run (Saxon
 * otherwise re-parses them for each document), and the generated validator is rewritten to give the same results
 * faster ({@link VocabularyIndex}, {@link ValidatorTuning}, {@link ReportTrimming}, {@link DirectedWalks}): tens
 * of milliseconds per Patient Summary instead of seconds. Thread-safe: one instance validates concurrently.
 */
public final class PivotSchematron {

    private static final String ISO = "http://purl.oclc.org/dsdl/schematron";
    private static final String SKELETON = "/external/schematron/20100710-xslt2/";
    /** The list of empty vocabulary files the eHDSI runtime copy of ../shared carries beside its schematrons. */
    public static final String STUB_LIST = "stubbed-vocs.txt";
    private static final String ABSTRACT = SvrlFindings.ABSTRACT;
    private static final Pattern DOC_CALL = Pattern.compile("doc\\(\\s*'([^']+)'\\s*\\)");
    private static final Pattern CONCEPT = Pattern.compile("<concept[\\s/>]");

    private final Path source;
    private final Templates validator;
    private final SharedDocuments documents;
    private final Map<String, Set<String>> stubsByAssertion;
    private final int assertionCount;

    private PivotSchematron(Path source, Templates validator, SharedDocuments documents,
            Map<String, Set<String>> stubsByAssertion, int assertionCount) {
        this.source = source;
        this.validator = validator;
        this.documents = documents;
        this.stubsByAssertion = stubsByAssertion;
        this.assertionCount = assertionCount;
    }

    /** Compiles a schematron file (its includes and vocabulary files resolved beside it). Slow: do it once. */
    public static PivotSchematron compile(Path schematron) throws SchematronException {
        Path sch = schematron.toAbsolutePath().normalize();
        TransformerFactoryImpl saxon = new TransformerFactoryImpl();
        Generated g = generate(saxon, sch, true);
        try {
            Templates templates = saxon.newTemplates(new DOMSource(g.stylesheet(), sch.toUri().toString()));
            return new PivotSchematron(sch, templates, new SharedDocuments(saxon.getConfiguration()), g.stubs(),
                    g.assertionCount());
        } catch (TransformerException e) {
            throw new SchematronException("schematron " + sch + " did not compile: " + e.getMessage(), e);
        }
    }

    /**
     * The validating stylesheet the skeleton generates from a schematron, the stub vocabularies each assertion id
     * reads, and how many assertions there are. Not {@code tuned}: the skeleton's output as generated (only
     * assertion ids added), seconds per document, for tests that prove the rewrites change no finding.
     */
    record Generated(Document stylesheet, Map<String, Set<String>> stubs, int assertionCount) {
    }

    static Generated generate(TransformerFactoryImpl saxon, Path sch, boolean tuned) throws SchematronException {
        if (!Files.isRegularFile(sch)) {
            throw new SchematronException("schematron " + sch + " does not exist or is not a file");
        }
        String systemId = sch.toUri().toString();
        try {
            Document included = run(saxon, "iso_dsdl_include.xsl", new StreamSource(sch.toFile()), Map.of());
            Document expanded = run(saxon, "iso_abstract_expand.xsl", new DOMSource(included, systemId), Map.of());
            Map<String, Set<String>> stubs = new HashMap<>();
            int count = identifyAssertions(expanded, new StubVocabularies(sch.getParent()), stubs);
            if (tuned) {
                VocabularyIndex.apply(expanded);
            }
            Transformer svrl = skeleton(saxon, "iso_svrl_for_xslt2.xsl");
            svrl.setParameter("allow-foreign", "true");
            DOMResult xslt = new DOMResult();
            svrl.transform(new DOMSource(expanded, systemId), xslt);
            Document out = (Document) xslt.getNode();
            if (tuned) {
                ValidatorTuning.apply(out);
                ReportTrimming.apply(out);
                DirectedWalks.apply(out);
            }
            return new Generated(out, Map.copyOf(stubs), count);
        } catch (TransformerException | IOException e) {
            throw new SchematronException("schematron " + sch + " did not compile: " + e.getMessage(), e);
        }
    }

    public Path source() {
        return source;
    }

    /** How many assertions and reports the compiled schematron holds. */
    public int assertionCount() {
        return assertionCount;
    }

    public ConformanceResult validate(byte[] xml) throws SchematronException {
        return validate(new String(xml, StandardCharsets.UTF_8));
    }

    public ConformanceResult validate(String xml) throws SchematronException {
        // A byte-order mark decoded into the string is content before the XML declaration to the parser.
        String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        SvrlFindings findings = new SvrlFindings(stubsByAssertion);
        try {
            Transformer t = validator.newTransformer();
            t.setURIResolver(documents);
            t.transform(new StreamSource(new StringReader(text)), new SAXResult(findings));
        } catch (TransformerException e) {
            throw new SchematronException("validation against " + source.getFileName() + " failed: "
                    + e.getMessageAndLocation(), e);
        }
        return new ConformanceResult(findings.findings());
    }

    /**
     * Gives every assertion and report without an id one: {@code <pattern>#<n>} in a concrete rule, or
     * {@code abstract:<rule>#<n>} in an abstract rule (completed with the firing pattern when read back), and
     * notes which stub vocabularies each one's test reads.
     */
    private static int identifyAssertions(Document schema, StubVocabularies stubVocabularies,
            Map<String, Set<String>> stubs) {
        Map<String, String> globalLets = lets(schema.getDocumentElement());
        int count = 0;
        int anonymous = 0;
        for (Element pattern : children(schema.getDocumentElement(), "pattern")) {
            String key = pattern.getAttribute("id").isEmpty() ? "pattern-" + (++anonymous)
                    : SvrlFindings.patternKey(pattern.getAttribute("id"), "");
            Map<String, String> patternLets = new LinkedHashMap<>(globalLets);
            patternLets.putAll(lets(pattern));
            int n = 0;
            for (Element rule : children(pattern, "rule")) {
                boolean isAbstract = "true".equals(rule.getAttribute("abstract"));
                Map<String, String> ruleLets = new LinkedHashMap<>(patternLets);
                ruleLets.putAll(lets(rule));
                int m = 0;
                for (Node c = rule.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (!(c instanceof Element a) || !ISO.equals(a.getNamespaceURI())
                            || !("assert".equals(a.getLocalName()) || "report".equals(a.getLocalName()))) {
                        continue;
                    }
                    count++;
                    String id = isAbstract ? ABSTRACT + rule.getAttribute("id") + "#" + (++m) : key + "#" + (++n);
                    if (a.getAttribute("id").isEmpty()) {
                        a.setAttribute("id", id);
                    } else {
                        id = a.getAttribute("id");
                    }
                    Set<String> read = stubVocabularies.readBy(a.getAttribute("test"), ruleLets);
                    if (!read.isEmpty()) {
                        stubs.put(id, read);
                    }
                }
            }
        }
        return count;
    }

    private static Map<String, String> lets(Element parent) {
        Map<String, String> lets = new LinkedHashMap<>();
        for (Element let : children(parent, "let")) {
            lets.put(let.getAttribute("name"), let.getAttribute("value"));
        }
        return lets;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && ISO.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Vocabulary files read by {@code doc('…')} that hold no concept: listed in {@value #STUB_LIST} beside the
     * schematron, or empty of {@code <concept>} elements.
     */
    private static final class StubVocabularies {
        private final Path base;
        private final Set<String> listed = new TreeSet<>();
        private final Map<String, Boolean> stub = new HashMap<>();

        StubVocabularies(Path base) throws IOException {
            this.base = base;
            Path list = base.resolve(STUB_LIST);
            if (Files.isRegularFile(list)) {
                for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        listed.add(line.strip());
                    }
                }
            }
        }

        Set<String> readBy(String test, Map<String, String> lets) {
            Set<String> read = new TreeSet<>();
            collect(test, read);
            for (Map.Entry<String, String> let : lets.entrySet()) {
                if (Pattern.compile("\\$" + Pattern.quote(let.getKey()) + "(?![\\w.-])").matcher(test).find()) {
                    collect(let.getValue(), read);
                }
            }
            return read;
        }

        private void collect(String xpath, Set<String> read) {
            Matcher m = DOC_CALL.matcher(xpath);
            while (m.find()) {
                String href = m.group(1);
                if (stub.computeIfAbsent(href, this::isStub)) {
                    read.add(Path.of(href).getFileName().toString());
                }
            }
        }

        private boolean isStub(String href) {
            Path file = base.resolve(href).normalize();
            if (listed.contains(file.getFileName().toString())) {
                return true;
            }
            try {
                return Files.isRegularFile(file) && !CONCEPT.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
            } catch (IOException e) {
                return false;
            }
        }
    }

    private static Document run(TransformerFactoryImpl saxon, String step, Source in, Map<String, String> params)
            throws TransformerException, IOException {
        Transformer t = skeleton(saxon, step);
        params.forEach(t::setParameter);
        DOMResult out = new DOMResult();
        t.transform(in, out);
        return (Document) out.getNode();
    }

    private static Transformer skeleton(TransformerFactoryImpl saxon, String step)
            throws TransformerException, IOException {
        URL xsl = PivotSchematron.class.getResource(SKELETON + step);
        if (xsl == null) {
            throw new IOException("ISO Schematron skeleton " + step + " not on the class path (ph-schematron-xslt)");
        }
        try (InputStream in = xsl.openStream()) {
            return saxon.newTransformer(new StreamSource(in, xsl.toExternalForm()));
        }
    }
}

package fr.passerelle.gateway.conformance;

import fr.passerelle.gateway.conformance.ConformanceProperties.DocumentKind;
import fr.passerelle.gateway.conformance.ConformanceProperties.Mode;
import fr.passerelle.translation.conformance.ConformanceResult;
import fr.passerelle.translation.conformance.Finding;
import fr.passerelle.translation.conformance.PivotSchematron;
import fr.passerelle.translation.conformance.SchematronException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an outgoing pivot against the eHDSI schematron of its document type (chosen by the eHDSI document
 * template it declares), compiled once at start. Counts every failed rule ({@value #RULE_FAILURES}, tags
 * {@code document} and {@code rule}) and, in {@link Mode#ENFORCE}, refuses a pivot with an error. The mode is set
 * per kind of document ({@link ConformanceProperties#validation(DocumentKind)}): only the schematrons of a kind that
 * is checked are compiled. Findings of assertions reading an empty vocabulary file are not errors (see
 * {@link Finding#onStubVocabulary()}).
 * In {@link Mode#LOG} the pivot is sent at once and checked on a background thread: the check costs a Patient
 * Summary several times the CPU of translating it (docs/benchmarks/translation.md), which a practitioner waiting
 * for the document should not pay when the verdict cannot stop it anyway.
 * Thread-safe. Logs rule ids and counts only: never the document, never a patient identifier.
 */
public final class PivotConformance implements AutoCloseable {

    public static final String RULE_FAILURES = "passerelle.conformance.rule.failures";
    public static final String DOCUMENTS = "passerelle.conformance.documents";
    public static final String TIMER = "passerelle.conformance.validation";
    public static final String BACKLOG = "passerelle.conformance.backlog";

    private static final Logger LOG = LoggerFactory.getLogger(PivotConformance.class);
    /** The first templateId of the document: the eHDSI document template the pivot writers put first. */
    private static final Pattern FIRST_TEMPLATE = Pattern.compile("<(?:\\w+:)?templateId\\b[^>]*?\\broot=\"([0-9.]+)\"");

    /** The eHDSI pivot document types, by the document template they declare. */
    public enum PivotType {
        PS_L3("1.3.6.1.4.1.12559.11.10.1.3.1.1.3", DocumentKind.PATIENT_SUMMARY),
        PS_L1("1.3.6.1.4.1.12559.11.10.1.3.1.1.7", DocumentKind.PATIENT_SUMMARY),
        EP_L3("1.3.6.1.4.1.12559.11.10.1.3.1.1.1", DocumentKind.EPRESCRIPTION),
        EP_L1("1.3.6.1.4.1.12559.11.10.1.3.1.1.6", DocumentKind.EPRESCRIPTION),
        ORCD_LABORATORY_RESULT("1.3.6.1.4.1.12559.11.10.1.3.1.1.8", DocumentKind.ORIGINAL_CLINICAL_DOCUMENT),
        ORCD_DISCHARGE_REPORT("1.3.6.1.4.1.12559.11.10.1.3.1.1.9", DocumentKind.ORIGINAL_CLINICAL_DOCUMENT),
        ORCD_IMAGING_REPORT("1.3.6.1.4.1.12559.11.10.1.3.1.1.10", DocumentKind.ORIGINAL_CLINICAL_DOCUMENT);

        final String template;
        final DocumentKind kind;

        PivotType(String template, DocumentKind kind) {
            this.template = template;
            this.kind = kind;
        }
    }

    /** What the check says about sending a pivot. */
    public sealed interface Verdict {
    }

    public record Send() implements Verdict {
    }

    /** @param reason for the eHDSI error's text: counts and rule ids, nothing of the document */
    public record Refuse(String reason) implements Verdict {
    }

    private final Map<PivotType, Mode> modes;
    private final Map<String, PivotType> types = new LinkedHashMap<>();
    private final Map<PivotType, PivotSchematron> schematrons;
    private final MeterRegistry metrics;
    /** Where {@link Mode#LOG} checks run; unused otherwise. */
    private final Executor background;

    private PivotConformance(Map<PivotType, Mode> modes, Map<PivotType, PivotSchematron> schematrons,
                             MeterRegistry metrics, Executor background) {
        this.modes = modes;
        this.schematrons = schematrons;
        this.metrics = metrics;
        this.background = background;
        for (PivotType t : PivotType.values()) {
            types.put(t.template, t);
        }
    }

    /** No check at all. */
    public static PivotConformance off() {
        return new PivotConformance(Map.of(), Map.of(), null, Runnable::run);
    }

    /**
     * Compiles the configured schematrons (slow: tens of seconds for the Patient Summary) or fails with a message
     * saying which property points where.
     */
    public static PivotConformance start(ConformanceProperties properties, MeterRegistry metrics) {
        boolean logs = modes(properties).containsValue(Mode.LOG);
        if (logs && properties.logBacklog() < 1) {
            throw new IllegalStateException("passerelle.conformance.log-backlog must be at least 1, not "
                    + properties.logBacklog());
        }
        return start(properties, metrics, logs ? backlog(properties.logBacklog(), metrics) : Runnable::run);
    }

    /** As {@link #start(ConformanceProperties, MeterRegistry)}, {@link Mode#LOG} checks running on {@code background}. */
    static PivotConformance start(ConformanceProperties properties, MeterRegistry metrics, Executor background) {
        Map<PivotType, Mode> modes = modes(properties);
        if (modes.isEmpty()) {
            return off();
        }
        String setting = setting(properties);
        if (properties.runtimeDir() == null) {
            throw new IllegalStateException(setting + " needs passerelle.conformance.runtime-dir: the folder of the"
                    + " unpacked eHDSI ART-DECOR runtime schematrons, which Passerelle does not ship (not"
                    + " redistributable); set validation=off to run without the check");
        }
        Map<PivotType, PivotSchematron> compiled = new EnumMap<>(PivotType.class);
        for (PivotType type : modes.keySet()) {
            compiled.put(type, compile(setting, properties, type));
        }
        return new PivotConformance(modes, compiled, metrics, background);
    }

    private static PivotSchematron compile(String setting, ConformanceProperties properties, PivotType type) {
        Path dir = properties.runtimeDir();
        return switch (type) {
            case PS_L3 -> compile(setting, dir, "patient-summary", properties.patientSummary());
            case PS_L1 -> compile(setting, dir, "patient-summary-l1", properties.patientSummaryL1());
            case EP_L3 -> compile(setting, dir, "eprescription", properties.eprescription());
            case EP_L1 -> compile(setting, dir, "eprescription-l1", properties.eprescriptionL1());
            case ORCD_LABORATORY_RESULT -> compile(setting, dir, "orcd-laboratory-result",
                    properties.orcdLaboratoryResult());
            case ORCD_DISCHARGE_REPORT -> compile(setting, dir, "orcd-discharge-report", properties.orcdDischargeReport());
            case ORCD_IMAGING_REPORT -> compile(setting, dir, "orcd-imaging-report", properties.orcdImagingReport());
        };
    }

    /** The pivot types that are checked, with their mode (a type whose kind is off is absent). */
    private static Map<PivotType, Mode> modes(ConformanceProperties properties) {
        Map<PivotType, Mode> modes = new EnumMap<>(PivotType.class);
        for (PivotType type : PivotType.values()) {
            Mode mode = properties.validation(type.kind);
            if (mode != Mode.OFF) {
                modes.put(type, mode);
            }
        }
        return modes;
    }

    /** The settings that turned the check on, for start-up failure messages. */
    private static String setting(ConformanceProperties properties) {
        StringBuilder setting = new StringBuilder("passerelle.conformance.validation=")
                .append(properties.validation().name().toLowerCase());
        properties.validationByDocument().forEach((kind, mode) -> setting.append(", validation-by-document.")
                .append(kind.name().toLowerCase().replace('_', '-')).append('=').append(mode.name().toLowerCase()));
        return setting.toString();
    }

    /** One low-priority daemon thread and a bounded queue: the check never holds more than that many pivots. */
    private static ExecutorService backlog(int capacity, MeterRegistry metrics) {
        ArrayBlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(capacity);
        metrics.gauge(BACKLOG, queue, ArrayBlockingQueue::size);
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, queue, r -> {
            Thread t = new Thread(r, "conformance-check");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    @Override
    public void close() {
        if (background instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    private static PivotSchematron compile(String setting, Path dir, String property, String file) {
        Path sch = dir.resolve(file);
        if (!Files.isRegularFile(sch)) {
            throw new IllegalStateException(setting + ": the schematron of passerelle.conformance." + property + " ("
                    + sch.toAbsolutePath() + ") does not exist; check passerelle.conformance.runtime-dir");
        }
        long start = System.nanoTime();
        try {
            PivotSchematron s = PivotSchematron.compile(sch);
            LOG.info("eHDSI conformance check: {} compiled ({} assertions) in {} s", sch.getFileName(),
                    s.assertionCount(), String.format("%.1f", (System.nanoTime() - start) / 1e9));
            return s;
        } catch (SchematronException e) {
            throw new IllegalStateException(setting + ": " + e.getMessage(), e);
        }
    }

    /** How pivots of this type are checked. */
    public Mode mode(PivotType type) {
        return modes.getOrDefault(type, Mode.OFF);
    }

    /**
     * Whether this pivot may be sent; counts its failed rules. In {@link Mode#LOG} the answer is always to send it,
     * given before the check has run.
     */
    public Verdict check(byte[] pivot) {
        if (modes.isEmpty()) {
            return new Send();
        }
        String xml = new String(pivot, StandardCharsets.UTF_8);
        Matcher m = FIRST_TEMPLATE.matcher(xml);
        PivotType type = m.find() ? types.get(m.group(1)) : null;
        if (type == null) {
            metrics.counter(DOCUMENTS, "document", "unknown", "outcome", "unchecked").increment();
            LOG.warn("eHDSI conformance: an outgoing pivot declares no eHDSI document template; not checked");
            // Deny by default: it could be a pivot of a kind whose check is enforced.
            return modes.containsValue(Mode.ENFORCE) ? new Refuse("the translated document declares no eHDSI"
                    + " document template") : new Send();
        }
        Mode mode = mode(type);
        if (mode == Mode.OFF) {
            return new Send();
        }
        if (mode == Mode.ENFORCE) {
            return check(type, xml);
        }
        try {
            background.execute(() -> check(type, xml));
        } catch (RejectedExecutionException busy) {
            metrics.counter(DOCUMENTS, "document", type.name(), "outcome", "unchecked-busy").increment();
            LOG.warn("eHDSI conformance: the background check is behind (backlog full); an outgoing {} pivot is sent"
                    + " unchecked", type);
        }
        return new Send();
    }

    private Verdict check(PivotType type, String xml) {
        ConformanceResult result;
        Timer.Sample sample = Timer.start(metrics);
        try {
            result = schematrons.get(type).validate(xml);
        } catch (SchematronException | RuntimeException e) {
            metrics.counter(DOCUMENTS, "document", type.name(), "outcome", "unchecked").increment();
            // An unexpected exception's message may quote the document: only its type is logged.
            LOG.warn("eHDSI conformance: the {} schematron could not run on an outgoing pivot: {}", type,
                    e instanceof SchematronException ? e.getMessage() : e.getClass().getName());
            return mode(type) == Mode.ENFORCE ? new Refuse("the translated document could not be checked against the"
                    + " eHDSI specification") : new Send();
        } finally {
            sample.stop(metrics.timer(TIMER, "document", type.name()));
        }
        Map<String, Integer> failed = new TreeMap<>();
        for (Finding f : result.errors()) {
            failed.merge(f.ruleId(), 1, Integer::sum);
        }
        failed.forEach((rule, n) -> metrics.counter(RULE_FAILURES, "document", type.name(), "rule", rule).increment(n));
        if (failed.isEmpty()) {
            metrics.counter(DOCUMENTS, "document", type.name(), "outcome", "conformant").increment();
            return new Send();
        }
        boolean refuse = mode(type) == Mode.ENFORCE;
        metrics.counter(DOCUMENTS, "document", type.name(), "outcome", refuse ? "refused" : "sent-nonconformant")
                .increment();
        LOG.warn("eHDSI conformance: an outgoing {} pivot fails {} rule(s), {} error(s){}: {}", type, failed.size(),
                result.errors().size(), refuse ? ", not sent" : "", failed.keySet());
        return refuse ? new Refuse("the translated document does not pass the eHDSI " + type + " validation ("
                + result.errors().size() + " error(s) on " + failed.size() + " rule(s))") : new Send();
    }
}

package fr.passerelle.terminology.catalogue;

import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.CodeValidation;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TranscodingFailure;
import fr.passerelle.terminology.TranscodingFailure.Reason;
import fr.passerelle.terminology.TranscodingResult;
import fr.passerelle.terminology.ValueSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One immutable snapshot of the terminology: every structure is filled by {@link Builder} and never changed
 * afterwards, so readers need no locks. Lookups are hash lookups keyed by canonical system URI and code.
 */
public final class CatalogueIndex {

    /** CIS, the French medicinal product code (ANSM), and CIP13, the code of one of its presentations. */
    public static final String CIS_SYSTEM = "urn:oid:1.2.250.1.213.2.3.1";
    public static final String CIP13_SYSTEM = "urn:oid:1.2.250.1.213.2.3.2";

    private final Map<String, Map<String, Concept>> conceptsBySystem;
    private final Map<String, IndexedValueSet> valueSetsByKey;
    private final List<ValueSet> valueSets;
    /** Source system -> source code -> the map lines giving a target, one per distinct target (first wins). */
    private final Map<String, Map<String, List<MapEntry>>> mapsBySourceSystem;
    private final Map<String, String> valueSetOidByElement;
    private final Set<String> reviewedWithoutTarget;
    /** Concept-map lines by "canonical source system|code" and by "canonical target system|code". */
    private final Map<String, List<MapEntry>> entriesBySource;
    private final Map<String, List<MapEntry>> entriesByTarget;
    private final Set<String> conceptMapUrls;
    private final CatalogueStatistics statistics;
    /** French medicinal products by CIS, and CIP13 presentation -> CIS. */
    private final Map<String, MedicinalProduct> products;
    private final Map<String, String> cisByCip13;
    /** What a presentation's package holds, for the presentations whose label states it. */
    private final Map<String, PackageContent> packageContents;
    private final String mvcPackage;
    /** Spelling of a system as received -> canonical URI; bounded by the number of distinct spellings seen. */
    private final Map<String, String> canonicalSystems = new ConcurrentHashMap<>();

    private CatalogueIndex(Builder b) {
        Map<String, Map<String, Concept>> concepts = new HashMap<>();
        b.concepts.forEach((system, codes) -> {
            Map<String, Concept> frozen = new HashMap<>(codes.size() * 2);
            codes.forEach((code, draft) -> frozen.put(code, draft.freeze(system, code)));
            concepts.put(system, Collections.unmodifiableMap(frozen));
        });
        this.conceptsBySystem = Collections.unmodifiableMap(concepts);
        Map<String, IndexedValueSet> byKey = new HashMap<>();
        List<ValueSet> all = new ArrayList<>();
        for (ValueSet vs : b.valueSets.values()) {
            IndexedValueSet indexed = IndexedValueSet.of(vs);
            all.add(vs);
            byKey.put(vs.url(), indexed);
            if (vs.oid() != null) {
                byKey.put(vs.oid(), indexed);
                byKey.put("urn:oid:" + vs.oid(), indexed);
            }
        }
        this.valueSetsByKey = Collections.unmodifiableMap(byKey);
        this.valueSets = List.copyOf(all);
        Map<String, Map<String, List<MapEntry>>> maps = new HashMap<>();
        b.maps.forEach((system, codes) -> {
            Map<String, List<MapEntry>> frozen = new HashMap<>(codes.size() * 2);
            codes.forEach((code, targets) -> frozen.put(code, List.copyOf(targets)));
            maps.put(system, Collections.unmodifiableMap(frozen));
        });
        this.mapsBySourceSystem = Collections.unmodifiableMap(maps);
        this.valueSetOidByElement = Map.copyOf(b.valueSetOidByElement);
        this.reviewedWithoutTarget = Set.copyOf(b.reviewedWithoutTarget);
        Map<String, List<MapEntry>> bySource = new HashMap<>();
        Map<String, List<MapEntry>> byTarget = new HashMap<>();
        for (MapEntry e : b.mapEntries) {
            bySource.computeIfAbsent(e.source().system() + '|' + e.source().code(), k -> new ArrayList<>(1)).add(e);
            if (e.target() != null) {
                byTarget.computeIfAbsent(e.target().system() + '|' + e.target().code(), k -> new ArrayList<>(1)).add(e);
            }
        }
        bySource.replaceAll((k, v) -> List.copyOf(v));
        byTarget.replaceAll((k, v) -> List.copyOf(v));
        this.entriesBySource = Collections.unmodifiableMap(bySource);
        this.entriesByTarget = Collections.unmodifiableMap(byTarget);
        this.conceptMapUrls = Set.copyOf(b.conceptMapUrls);
        Map<String, MedicinalProduct> products = new HashMap<>(b.products.size() * 2);
        b.products.forEach((cis, draft) -> products.put(cis, new MedicinalProduct(cis, draft.doseForm, draft.routes,
                b.ingredients.getOrDefault(cis, List.of()), draft.provenance)));
        this.products = Collections.unmodifiableMap(products);
        this.cisByCip13 = Collections.unmodifiableMap(new HashMap<>(b.cisByCip13));
        this.packageContents = Collections.unmodifiableMap(new HashMap<>(b.packageContents));
        this.mvcPackage = b.mvcPackage;
        int conceptCount = conceptsBySystem.values().stream().mapToInt(Map::size).sum();
        int mappingCount = mapsBySourceSystem.values().stream().mapToInt(Map::size).sum()
                + reviewedWithoutTarget.size();
        int designationCount = conceptsBySystem.values().stream().flatMap(m -> m.values().stream())
                .mapToInt(c -> c.designations().size()).sum();
        this.statistics = new CatalogueStatistics(valueSets.size(),
                valueSets.stream().mapToInt(ValueSet::size).sum(), conceptCount, mappingCount, designationCount,
                valueSetOidByElement.size(), List.copyOf(b.sources));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static CatalogueIndex empty() {
        return new Builder().build();
    }

    public CatalogueStatistics statistics() {
        return statistics;
    }

    private String canonical(String system) {
        String known = canonicalSystems.get(system);
        if (known != null) {
            return known;
        }
        String canonical = CodeSystems.canonicalUri(system);
        if (canonicalSystems.size() < 10_000) {
            canonicalSystems.put(system, canonical);
        }
        return canonical;
    }

    private static String valueSetKey(String oidOrUrl) {
        String s = oidOrUrl.strip();
        int bar = s.indexOf('|');
        return bar >= 0 ? s.substring(0, bar) : s;
    }

    public Optional<ValueSet> valueSet(String oidOrUrl) {
        IndexedValueSet vs = valueSetsByKey.get(valueSetKey(oidOrUrl));
        return vs == null ? Optional.empty() : Optional.of(vs.valueSet());
    }

    public Collection<ValueSet> valueSets() {
        return valueSets;
    }

    public Optional<Concept> concept(String system, String code) {
        Map<String, Concept> codes = conceptsBySystem.get(canonical(system));
        return codes == null ? Optional.empty() : Optional.ofNullable(codes.get(code));
    }

    public boolean knowsSystem(String system) {
        String canonical = canonical(system);
        return conceptsBySystem.containsKey(canonical) || mapsBySourceSystem.containsKey(canonical);
    }

    /** The MVC value-set OID that {@code coded_element_list_ehdsi.xml} assigns to an element of a document. */
    public Optional<String> valueSetOidForElement(String documentType, String xpath) {
        return Optional.ofNullable(valueSetOidByElement.get(documentType + ' ' + xpath));
    }

    /** The value sets a coding belongs to (a linear pass over the value sets: for reports, not for requests). */
    public List<ValueSet> valueSetsContaining(Coding coding) {
        String system = canonical(coding.system());
        List<ValueSet> found = new ArrayList<>();
        for (IndexedValueSet vs : new java.util.LinkedHashSet<>(valueSetsByKey.values())) {
            if (vs.contains(system, coding.code())) {
                found.add(vs.valueSet());
            }
        }
        return found;
    }

    /** Whether a concept map records this code as reviewed with no pivot equivalent (equivalence unmatched). */
    public boolean reviewedWithoutTarget(Coding source) {
        return reviewedWithoutTarget.contains(canonical(source.system()) + '|' + source.code());
    }

    /** The mapping targets recorded for a source code, in all target systems. */
    public List<Coding> mappings(Coding source) {
        Map<String, List<MapEntry>> codes = mapsBySourceSystem.get(canonical(source.system()));
        if (codes == null) {
            return List.of();
        }
        List<MapEntry> lines = codes.get(source.code());
        return lines == null ? List.of() : lines.stream().map(MapEntry::target).toList();
    }

    /** The concept-map lines whose source is this code (reviewed-without-equivalent lines included). */
    public List<MapEntry> entriesFrom(Coding source) {
        return entriesBySource.getOrDefault(canonical(source.system()) + '|' + source.code(), List.of());
    }

    /** The concept-map lines whose target is this pivot code (for reverse translation). */
    public List<MapEntry> entriesTo(Coding target) {
        return entriesByTarget.getOrDefault(canonical(target.system()) + '|' + target.code(), List.of());
    }

    /** Every concept-map line, in load order of the maps (for reports and diffs, not for requests). */
    public java.util.stream.Stream<MapEntry> mapEntries() {
        return entriesBySource.values().stream().flatMap(List::stream);
    }

    /** The MVC package this snapshot was loaded from ({@code id#version}), when it has one. */
    public Optional<String> mvcPackage() {
        return Optional.ofNullable(mvcPackage);
    }

    /**
     * The French medicinal product a CIS code (OID 1.2.250.1.213.2.3.1) or a CIP13 presentation code
     * (1.2.250.1.213.2.3.2) names, as the national medicines database describes it.
     */
    public Optional<MedicinalProduct> medicinalProduct(Coding coding) {
        String system = canonical(coding.system());
        String cis = switch (system) {
            case CIS_SYSTEM -> coding.code();
            case CIP13_SYSTEM -> cisByCip13.get(coding.code());
            default -> null;
        };
        return cis == null ? Optional.empty() : Optional.ofNullable(products.get(cis));
    }

    /** What the package of a CIP13 presentation (1.2.250.1.213.2.3.2) holds, when the national database says. */
    public Optional<PackageContent> packageContent(Coding presentation) {
        return CIP13_SYSTEM.equals(canonical(presentation.system()))
                ? Optional.ofNullable(packageContents.get(presentation.code())) : Optional.empty();
    }

    /** Number of French medicinal products and presentations known. */
    public int medicinalProductCount() {
        return products.size();
    }

    /** Number of presentations whose package content is known. */
    public int packageContentCount() {
        return packageContents.size();
    }

    public int presentationCount() {
        return cisByCip13.size();
    }

    /** Canonical URLs of the loaded concept maps. */
    public Set<String> conceptMapUrls() {
        return conceptMapUrls;
    }

    /** Whether a value set (OID or URL) holds this code. */
    public boolean inValueSet(String oidOrUrl, Coding coding) {
        IndexedValueSet vs = valueSetsByKey.get(valueSetKey(oidOrUrl));
        return vs != null && vs.contains(canonical(coding.system()), coding.code());
    }

    public TranscodingResult transcode(Coding national, String targetValueSet) {
        IndexedValueSet target = valueSetsByKey.get(valueSetKey(targetValueSet));
        if (target == null) {
            return new TranscodingResult.NotTranscoded(national, new TranscodingFailure(Reason.UNKNOWN_VALUE_SET,
                    "Value set " + targetValueSet + " is not in the catalogue"));
        }
        String system = canonical(national.system());
        if (target.contains(system, national.code())) {
            return new TranscodingResult.Transcoded(pivot(system, national.code(), national.display()), national);
        }
        Map<String, List<MapEntry>> codes = mapsBySourceSystem.get(system);
        List<MapEntry> targets = codes == null ? null : codes.get(national.code());
        if (targets == null) {
            if (reviewedWithoutTarget.contains(system + '|' + national.code())) {
                return new TranscodingResult.NotTranscoded(national, new TranscodingFailure(Reason.NO_MAPPING,
                        "Code " + national.code() + " of " + system + " has no pivot equivalent (concept map: unmatched)"));
            }
            TranscodingResult byRule = byRule(national, system, target);
            return byRule != null ? byRule : new TranscodingResult.NotTranscoded(national, noTarget(national, system, target));
        }
        List<MapEntry> inTarget = targets.stream()
                .filter(line -> target.contains(line.target().system(), line.target().code())).toList();
        if (inTarget.size() > 1) {
            String codesText = inTarget.stream().map(line -> line.target().code()).collect(Collectors.joining(", "));
            return new TranscodingResult.NotTranscoded(national, new TranscodingFailure(Reason.AMBIGUOUS_MAPPING,
                    "Code " + national.code() + " of " + system + " maps to " + inTarget.size()
                            + " codes of value set " + target.valueSet().url() + " (" + codesText + ")"));
        }
        if (inTarget.isEmpty()) {
            TranscodingResult byRule = byRule(national, system, target);
            return byRule != null ? byRule : new TranscodingResult.NotTranscoded(national,
                    new TranscodingFailure(Reason.NO_MAPPING, "No mapping of code " + national.code() + " of " + system
                            + " into value set " + target.valueSet().url()));
        }
        MapEntry found = inTarget.get(0);
        Coding t = found.target();
        return new TranscodingResult.Transcoded(pivot(t.system(), t.code(), t.display()), national, found.equivalence(),
                found.mapUrl(), found.provenance());
    }

    /** The rules that stand in for maps of whole code systems (today: French CIM-10 to WHO ICD-10), or null. */
    private TranscodingResult byRule(Coding national, String system, IndexedValueSet target) {
        if (!system.equals(CodeSystems.ICD_10) || !target.hasSystem(CodeSystems.ICD_10)) {
            return null;
        }
        return Cim10Rule.toWho(national.code(), code -> target.contains(CodeSystems.ICD_10, code))
                .map(m -> (TranscodingResult) new TranscodingResult.Transcoded(
                        pivot(CodeSystems.ICD_10, m.code(), null), national, m.equivalence(), null, m.provenance()))
                .orElse(null);
    }

    private TranscodingFailure noTarget(Coding national, String system, IndexedValueSet target) {
        Map<String, Concept> known = conceptsBySystem.get(system);
        if (known == null && !mapsBySourceSystem.containsKey(system) && !target.hasSystem(system)) {
            return new TranscodingFailure(Reason.UNKNOWN_CODE_SYSTEM,
                    "Code system " + system + " is not known to the catalogue");
        }
        if (known != null && !known.containsKey(national.code()) && !target.hasSystem(system)) {
            return new TranscodingFailure(Reason.UNKNOWN_CODE,
                    "Code " + national.code() + " is not in code system " + system);
        }
        if (target.hasSystem(system)) {
            return new TranscodingFailure(Reason.CODE_NOT_IN_VALUE_SET,
                    "Code " + national.code() + " of " + system + " is not in value set " + target.valueSet().url());
        }
        return new TranscodingFailure(Reason.NO_MAPPING,
                "No mapping of code " + national.code() + " of " + system + " into value set "
                        + target.valueSet().url());
    }

    private Coding pivot(String system, String code, String fallbackDisplay) {
        Map<String, Concept> codes = conceptsBySystem.get(system);
        Concept c = codes == null ? null : codes.get(code);
        return new Coding(system, code, c != null && c.display() != null ? c.display() : fallbackDisplay);
    }

    public CodeValidation validate(Coding coding, String valueSet) {
        IndexedValueSet vs = valueSetsByKey.get(valueSetKey(valueSet));
        if (vs == null) {
            return new CodeValidation.Invalid(coding, new TranscodingFailure(Reason.UNKNOWN_VALUE_SET,
                    "Value set " + valueSet + " is not in the catalogue"));
        }
        String system = canonical(coding.system());
        if (vs.contains(system, coding.code())) {
            return new CodeValidation.Valid(pivot(system, coding.code(), coding.display()), vs.valueSet().url());
        }
        if (!knowsSystem(system)) {
            return new CodeValidation.Invalid(coding, new TranscodingFailure(Reason.UNKNOWN_CODE_SYSTEM,
                    "Code system " + system + " is not known to the catalogue"));
        }
        return new CodeValidation.Invalid(coding, new TranscodingFailure(Reason.CODE_NOT_IN_VALUE_SET,
                "Code " + coding.code() + " of " + system + " is not in value set " + vs.valueSet().url()));
    }

    /** See {@link fr.passerelle.terminology.Terminology#translate} for the fallback order. */
    public Optional<String> translate(Coding coding, String language) {
        Map<String, Concept> codes = conceptsBySystem.get(canonical(coding.system()));
        Concept c = codes == null ? null : codes.get(coding.code());
        if (c == null) {
            return Optional.empty();
        }
        Map<String, String> designations = c.designations();
        if (language != null && !designations.isEmpty()) {
            String tag = language.strip().replace('_', '-').toLowerCase(Locale.ROOT);
            int dash = tag.indexOf('-');
            for (String t : dash > 0 ? List.of(tag, tag.substring(0, dash), "en") : List.of(tag, "en")) {
                String d = designations.get(t);
                if (d != null) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.ofNullable(c.display());
    }

    /** A value set prepared for membership tests: canonical system -> codes. */
    private record IndexedValueSet(ValueSet valueSet, Map<String, Set<String>> codesBySystem) {

        static IndexedValueSet of(ValueSet vs) {
            Map<String, Set<String>> bySystem = new HashMap<>();
            for (Coding c : vs.concepts()) {
                bySystem.computeIfAbsent(c.system(), s -> new HashSet<>()).add(c.code());
            }
            bySystem.replaceAll((s, codes) -> Set.copyOf(codes));
            return new IndexedValueSet(vs, Map.copyOf(bySystem));
        }

        boolean contains(String system, String code) {
            Set<String> codes = codesBySystem.get(system);
            return codes != null && codes.contains(code);
        }

        boolean hasSystem(String system) {
            return codesBySystem.containsKey(system);
        }
    }

    /** Collects everything a load found; {@link #build()} freezes it. Not thread-safe: one loader at a time. */
    public static final class Builder {

        private final Map<String, Map<String, ConceptDraft>> concepts = new HashMap<>();
        private final Map<String, ValueSet> valueSets = new LinkedHashMap<>();
        private final Map<String, Map<String, List<MapEntry>>> maps = new HashMap<>();
        private final Map<Coding, Coding> targets = new HashMap<>();
        /** Provenance texts repeat on thousands of derived lines: one instance each. */
        private final Map<String, String> provenances = new HashMap<>();
        private final Map<String, String> valueSetOidByElement = new HashMap<>();
        private final List<String> sources = new ArrayList<>();
        private final Set<String> reviewedWithoutTarget = new HashSet<>();
        private final List<MapEntry> mapEntries = new ArrayList<>();
        private final Set<String> conceptMapUrls = new HashSet<>();
        private final Map<String, ProductDraft> products = new HashMap<>();
        private final Map<String, List<MedicinalProduct.Ingredient>> ingredients = new HashMap<>();
        private final Map<String, String> cisByCip13 = new HashMap<>();
        private final Map<String, PackageContent> packageContents = new HashMap<>();
        private final Map<PackageContent, PackageContent> packageContentsInterned = new HashMap<>();
        private String mvcPackage;
        /** Spelling -> canonical URI: a load repeats a few dozen spellings ~200,000 times. */
        private final Map<String, String> canonicalSystems = new HashMap<>();

        private Builder() {
        }

        /** Records a concept; the first non-blank display wins (a code system publishes one display). */
        public Builder concept(String system, String code, String display) {
            ConceptDraft d = concepts.computeIfAbsent(canonicalOf(system), s -> new HashMap<>())
                    .computeIfAbsent(code, c -> new ConceptDraft());
            if (d.display == null && display != null && !display.isBlank()) {
                d.display = display;
            }
            return this;
        }

        public Builder designation(String system, String code, String language, String display) {
            ConceptDraft d = concepts.computeIfAbsent(canonicalOf(system), s -> new HashMap<>())
                    .computeIfAbsent(code, c -> new ConceptDraft());
            d.designations.put(language.strip().replace('_', '-').toLowerCase(Locale.ROOT), display);
            return this;
        }

        private String canonicalOf(String system) {
            return canonicalSystems.computeIfAbsent(system, CodeSystems::canonicalUri);
        }

        /** Adds a value set and its concepts; a later value set with the same URL replaces the earlier one. */
        public Builder valueSet(ValueSet vs) {
            List<Coding> canonical = new ArrayList<>(vs.concepts().size());
            for (Coding c : vs.concepts()) {
                String system = canonicalOf(c.system());
                Coding cc = system.equals(c.system()) ? c : new Coding(system, c.code(), c.display());
                canonical.add(cc);
                concept(cc.system(), cc.code(), cc.display());
            }
            valueSets.put(vs.url(), new ValueSet(vs.url(), vs.oid(), vs.name(), vs.title(), vs.version(),
                    vs.source(), canonical));
            return this;
        }

        /**
         * Records a concept-map line as the map states it (URL, equivalence, provenance), systems canonicalised.
         * A line with a target is a mapping (the same target twice is kept once, the first line's equivalence
         * and provenance winning; two different targets make the code ambiguous); a line without one records a
         * code reviewed and found without pivot equivalent.
         */
        public Builder mapEntry(String mapUrl, Coding source, Coding target, String equivalence, String provenance) {
            conceptMapUrls.add(mapUrl);
            String sourceSystem = canonicalOf(source.system());
            Coding s = new Coding(sourceSystem, source.code(), source.display());
            // thousands of lines share a few hundred targets (ATC classes): one instance of each
            Coding t = target == null ? null : targets.computeIfAbsent(new Coding(canonicalOf(target.system()),
                    target.code(), target.display()), c -> c);
            String from = provenance == null ? null : provenances.computeIfAbsent(provenance, p -> p);
            MapEntry line = new MapEntry(mapUrl, s, t, equivalence, from);
            mapEntries.add(line);
            if (t == null) {
                reviewedWithoutTarget.add(sourceSystem + '|' + source.code());
                return this;
            }
            List<MapEntry> targets = maps.computeIfAbsent(sourceSystem, x -> new HashMap<>())
                    .computeIfAbsent(source.code(), c -> new ArrayList<>(1));
            for (MapEntry existing : targets) {
                if (existing.target().system().equals(t.system()) && existing.target().code().equals(t.code())) {
                    return this;
                }
            }
            targets.add(line);
            return this;
        }

        public Builder mapEntry(String mapUrl, Coding source, Coding target, String equivalence) {
            return mapEntry(mapUrl, source, target, equivalence, null);
        }

        public Builder elementValueSet(String documentType, String xpath, String valueSetOid) {
            valueSetOidByElement.put(documentType + ' ' + xpath, valueSetOid);
            return this;
        }

        /** A French medicinal product (CIS); its code becomes a concept of the CIS system (no display). */
        public Builder medicinalProduct(String cis, Coding doseForm, List<Coding> routes, String provenance) {
            concept(CIS_SYSTEM, cis, null);
            ProductDraft d = new ProductDraft();
            d.doseForm = doseForm == null ? null : doseForm.withCanonicalSystem();
            d.routes = routes.isEmpty() ? List.of() : routes.stream().map(Coding::withCanonicalSystem).toList();
            d.provenance = provenance == null ? null : provenances.computeIfAbsent(provenance, p -> p);
            products.put(cis, d);
            return this;
        }

        /** A presentation (CIP13) of a product; its code becomes a concept of the CIP13 system. */
        public Builder presentation(String cip13, String cis, PackageContent content) {
            concept(CIP13_SYSTEM, cip13, null);
            cisByCip13.put(cip13, cis);
            if (content != null) {
                packageContents.put(cip13, packageContentsInterned.computeIfAbsent(content, c -> c));
            }
            return this;
        }

        public Builder ingredient(String cis, MedicinalProduct.Ingredient ingredient) {
            ingredients.computeIfAbsent(cis, c -> new ArrayList<>(2)).add(ingredient);
            return this;
        }

        public Builder mvcPackage(String idAndVersion) {
            this.mvcPackage = idAndVersion;
            return this;
        }

        /** The value sets added so far, by URL (a loader checks what the MVC package already gave). */
        public java.util.Collection<ValueSet> valueSets() {
            return Collections.unmodifiableCollection(valueSets.values());
        }

        public Builder source(String description) {
            sources.add(description);
            return this;
        }

        public CatalogueIndex build() {
            return new CatalogueIndex(this);
        }
    }

    private static final class ProductDraft {
        private Coding doseForm;
        private List<Coding> routes = List.of();
        private String provenance;
    }

    private static final class ConceptDraft {
        private String display;
        private final Map<String, String> designations = new HashMap<>(2);

        Concept freeze(String system, String code) {
            return new Concept(system, code, display, designations);
        }
    }
}

package fr.passerelle.translation.ehdsi;

import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.terminology.xml.HardenedXml;
import fr.passerelle.terminology.xml.UnsafeXmlException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * OpenNCP's list of coded elements per eHDSI document type: for each, a path, the MVC value set and whether
 * the element is required. The paths are compiled once into {@link ElementPath} matchers so a whole pivot
 * document is matched in a single walk.
 */
public final class CodedElementList {

    /** The eHDSI document types of the list that Passerelle produces or reads. */
    public enum PivotType {
        PATIENT_SUMMARY("patientSummaryCDAl3"),
        EPRESCRIPTION("ePrescriptionCDAl3"),
        EDISPENSATION("eDispensationCDAl3"),
        /**
         * An Original Clinical Document (lab result, discharge report, imaging report): OpenNCP's list has no OrCD
         * column, and an OrCD header is an L1 header, so the Patient Summary L1 column serves — except the document
         * code, which the OrCD templates fix per type (11502-2, 34105-7, 18748-4) outside eHDSIDocumentCode.
         */
        ORIGINAL_CLINICAL_DOCUMENT("patientSummaryCDAl1pdf", "/ClinicalDocument/code");

        private final String usageElement;
        private final java.util.Set<String> fixedByTemplate;

        PivotType(String usageElement, String... fixedByTemplate) {
            this.usageElement = usageElement;
            this.fixedByTemplate = java.util.Set.of(fixedByTemplate);
        }
    }

    /** One coded element of one document type. */
    public record CodedElement(String path, ElementPath matcher, List<String> valueSetOids, String usage) {
        public CodedElement {
            valueSetOids = List.copyOf(valueSetOids);
        }

        /** The first value set (the list names a second one for absent/unknown codes, e.g. no-device-info). */
        public String valueSetOid() {
            return valueSetOids.get(0);
        }

        /** R and RNFA elements must be coded (RNFA: a nullFlavor is tolerated when the information is absent). */
        public boolean required() {
            return usage.startsWith("R");
        }
    }

    private final Map<PivotType, List<CodedElement>> byType;

    private CodedElementList(Map<PivotType, List<CodedElement>> byType) {
        this.byType = byType;
    }

    /**
     * The list shipped with this module: Passerelle's corrections ({@code coded_element_list_corrections.xml},
     * bindings the eHDSI runtime checks that OpenNCP's list lacks) first, then a copy of OpenNCP's TM_resources
     * list. Matching takes the first path that matches, so a correction wins over a more general OpenNCP path.
     */
    public static CodedElementList bundled() {
        return resource("coded_element_list_corrections.xml").followedBy(resource("coded_element_list_ehdsi.xml"));
    }

    private static CodedElementList resource(String name) {
        try (InputStream in = CodedElementList.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This list's elements, then those of {@code next}: in matching, a path of this list comes first. */
    public CodedElementList followedBy(CodedElementList next) {
        Map<PivotType, List<CodedElement>> merged = new EnumMap<>(PivotType.class);
        for (PivotType t : PivotType.values()) {
            List<CodedElement> all = new ArrayList<>(elements(t));
            all.addAll(next.elements(t));
            merged.put(t, List.copyOf(all));
        }
        return new CodedElementList(merged);
    }

    public static CodedElementList parse(byte[] xml) {
        Element root;
        try {
            root = HardenedXml.parse(xml).getDocumentElement();
        } catch (UnsafeXmlException e) {
            throw new IllegalArgumentException("unreadable coded element list: " + e.getMessage(), e);
        }
        Map<PivotType, List<CodedElement>> byType = new EnumMap<>(PivotType.class);
        Map<String, ElementPath> compiled = new HashMap<>();
        for (PivotType t : PivotType.values()) {
            byType.put(t, new ArrayList<>());
        }
        for (Element ce : CdaNodes.children(root, "codedElement")) {
            String path = CdaNodes.text(CdaNodes.child(ce, "elementPath"));
            List<String> valueSets = new ArrayList<>();
            for (Element vs : CdaNodes.children(ce, "valueSet")) {
                if (CdaNodes.text(vs) != null) {
                    valueSets.add(CdaNodes.text(vs));
                }
            }
            Element usage = CdaNodes.child(ce, "usage");
            if (path == null || valueSets.isEmpty() || usage == null) {
                continue;
            }
            ElementPath matcher = compiled.computeIfAbsent(path, ElementPath::compile);
            for (PivotType t : PivotType.values()) {
                String u = CdaNodes.text(CdaNodes.child(usage, t.usageElement));
                if (u != null && !"NA".equals(u) && !t.fixedByTemplate.contains(path)) {
                    byType.get(t).add(new CodedElement(path, matcher, valueSets, u));
                }
            }
        }
        byType.replaceAll((k, v) -> List.copyOf(v));
        return new CodedElementList(byType);
    }

    public List<CodedElement> elements(PivotType type) {
        return byType.get(type);
    }
}

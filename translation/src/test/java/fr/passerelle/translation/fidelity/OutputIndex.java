package fr.passerelle.translation.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.translation.cda.CdaNodes;
import fr.passerelle.terminology.xml.HardenedXml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What one translated output holds, for finding a source statement in it: every instance identifier, and per unit
 * (a pivot entry, a FHIR resource) the codes and times it carries. The French code is kept beside the pivot code
 * (CDA translation, second FHIR coding), so a statement is found by its own code.
 */
final class OutputIndex {

    /** One entry of the pivot or one resource of the Bundle. */
    record Unit(Set<String> codes, Set<String> times) {
    }

    private final Set<String> ids = new HashSet<>();
    private final List<Unit> units = new ArrayList<>();
    private final Set<String> sectionCodesWithText = new HashSet<>();
    /** Every text of the output, white space collapsed: a section's narrative may travel inside another's. */
    private final StringBuilder text = new StringBuilder();

    static OutputIndex ofPivot(String xml) throws Exception {
        OutputIndex index = new OutputIndex();
        Element root = HardenedXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        index.text.append(SourceStatement.words(root.getTextContent()));
        Element body = CdaNodes.path(root, "component", "structuredBody");
        if (body == null) {
            return index;
        }
        for (Element id : CdaNodes.descendants(body, "id")) {
            String r = CdaNodes.attr(id, "root");
            if (r != null) {
                index.ids.add(normal(CdaNodes.attr(id, "extension") == null ? r : r + "^" + CdaNodes.attr(id, "extension")));
            }
        }
        for (Element section : CdaNodes.descendants(body, "section")) {
            Element text = CdaNodes.child(section, "text");
            if (text != null && !text.getTextContent().isBlank()) {
                index.sectionCodesWithText.add(CdaNodes.attr(CdaNodes.child(section, "code"), "code"));
            }
            for (Element entry : CdaNodes.children(section, "entry")) {
                Set<String> codes = new HashSet<>();
                Set<String> times = new HashSet<>();
                collect(entry, codes, times);
                index.units.add(new Unit(codes, times));
            }
        }
        return index;
    }

    private static void collect(Element e, Set<String> codes, Set<String> times) {
        String code = CdaNodes.attr(e, "code");
        if (code != null) {
            codes.add(code);
        }
        String value = CdaNodes.attr(e, "value");
        if (value != null && TS.matcher(value).matches()) {
            times.add(digits(value));
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                collect(c, codes, times);
            }
        }
    }

    static OutputIndex ofFhir(String json) throws Exception {
        OutputIndex index = new OutputIndex();
        JsonNode bundle = new ObjectMapper().readTree(json);
        texts(bundle, index.text);
        Map<String, Unit> byUrl = new java.util.HashMap<>();
        Map<String, Set<String>> references = new java.util.HashMap<>();
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            if ("Composition".equals(resource.path("resourceType").asText())) {
                for (JsonNode section : resource.path("section")) {
                    if (section.has("text")) {
                        for (JsonNode coding : section.path("code").path("coding")) {
                            index.sectionCodesWithText.add(coding.path("code").asText());
                        }
                    }
                }
                continue;
            }
            Set<String> codes = new HashSet<>();
            Set<String> times = new HashSet<>();
            Set<String> referenced = new HashSet<>();
            walk(resource, codes, times, index.ids, referenced);
            String url = entry.path("fullUrl").asText();
            byUrl.put(url, new Unit(codes, times));
            references.put(url, referenced);
        }
        // A statement may span resources: a DeviceUseStatement and its Device, a MedicationRequest and its Medication.
        for (Map.Entry<String, Unit> e : byUrl.entrySet()) {
            Set<String> codes = new HashSet<>(e.getValue().codes());
            Set<String> times = new HashSet<>(e.getValue().times());
            for (String ref : references.get(e.getKey())) {
                Unit other = byUrl.get(ref);
                if (other != null) {
                    codes.addAll(other.codes());
                }
            }
            index.units.add(new Unit(codes, times));
        }
        return index;
    }

    private static void walk(JsonNode node, Set<String> codes, Set<String> times, Set<String> ids,
                             Set<String> referenced) {
        if (node.isObject()) {
            if (node.has("reference")) {
                referenced.add(node.path("reference").asText());
            }
            if (node.has("system") && node.has("code")) {
                codes.add(node.path("code").asText());
            }
            if (node.has("system") && node.has("value")) {
                // An Identifier: urn:oid:root + extension, or an RFC 3986 URI naming the root alone.
                String system = node.path("system").asText();
                String value = node.path("value").asText();
                if (system.startsWith("urn:oid:") || system.startsWith("urn:uuid:")) {
                    ids.add(normal(system.substring(system.indexOf(':', 4) + 1) + "^" + value));
                } else if (system.equals("urn:ietf:rfc:3986")) {
                    ids.add(normal(value.replaceFirst("^urn:(oid|uuid):", "")));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                walk(it.next().getValue(), codes, times, ids, referenced);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                walk(item, codes, times, ids, referenced);
            }
        } else if (node.isTextual() && FHIR_DATE.matcher(node.asText()).matches()) {
            times.add(digits(node.asText()));
        }
    }

    private static void texts(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(SourceStatement.words(node.asText())).append(' ');
        }
        for (JsonNode child : node) {
            texts(child, out);
        }
    }

    /**
     * Found by one of its ids, or by its code together with its time (when it has one); a section with text only,
     * by its code on a section with text, or by its whole narrative inside the output's text.
     */
    boolean carries(SourceStatement s) {
        if (s.sectionText()) {
            return sectionCodesWithText.contains(s.code()) || !s.text().isEmpty() && text.indexOf(s.text()) >= 0;
        }
        for (String id : s.ids()) {
            if (ids.contains(normal(id))) {
                return true;
            }
        }
        if (s.code() == null) {
            return false;
        }
        String time = s.time() == null ? null : digits(s.time());
        for (Unit u : units) {
            if (u.codes().contains(s.code()) && (time == null || u.times().stream().anyMatch(t -> sameTime(t, time)))) {
                return true;
            }
        }
        return false;
    }

    /** UUID roots are case-insensitive (FHIR writes them in lower case, French documents often in upper case). */
    private static String normal(String id) {
        return id.toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean sameTime(String a, String b) {
        int n = Math.min(a.length(), b.length());
        return n >= 4 && a.substring(0, n).equals(b.substring(0, n));
    }

    private static final Pattern TS = Pattern.compile("\\d{4,14}(\\.\\d+)?([+-]\\d{4})?");
    private static final Pattern FHIR_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})?)?)?)?");

    /** The digits of a date or time before any time zone: 2021-10-20T10:00:00+02:00 and 20211020100000+0200 alike. */
    static String digits(String time) {
        String t = time;
        int zone = -1;
        int tee = t.indexOf('T');
        if (tee > 0) {
            for (int i = tee; i < t.length() && zone < 0; i++) {
                char c = t.charAt(i);
                zone = c == '+' || c == '-' || c == 'Z' ? i : -1;
            }
        } else if (!t.contains("-") || t.indexOf('-') > 7) {
            // An HL7 TS: digits, then perhaps a zone.
            zone = Math.max(t.indexOf('+'), t.indexOf('-'));
        }
        if (zone > 0) {
            t = t.substring(0, zone);
        }
        int dot = t.indexOf('.');
        if (dot > 0) {
            t = t.substring(0, dot);
        }
        return t.replaceAll("[^0-9]", "");
    }
}

package fr.passerelle.terminology.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.terminology.ValueSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a FHIR ValueSet JSON resource with the streaming parser, keeping only what the catalogue needs
 * (url, OID identifier, name, title, version, the members and their designations by language). Members come from the enumerated {@code compose.include.concept};
 * a package that publishes its value sets expanded ({@code expansion.contains}) is read from the expansion,
 * which then also stands for an intensional compose (a {@code filter} is refused only when nothing enumerates
 * the members). Returns null when the resource is not a ValueSet.
 */
final class StreamedValueSet {

    /** A value set and the designations its members carry ({@code concept[].designation[]}). */
    record Read(ValueSet valueSet, List<Designation> designations) {
    }

    record Designation(String system, String code, String language, String value) {
    }

    private StreamedValueSet() {
    }

    static Read read(JsonFactory factory, byte[] content, String where) throws IOException, TerminologyLoadException {
        try (JsonParser p = factory.createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new TerminologyLoadException(where, "not a JSON object");
            }
            String type = null;
            String url = null;
            String oid = null;
            String name = null;
            String title = null;
            String version = null;
            Members compose = new Members();
            Members expansion = new Members();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "resourceType" -> type = p.getValueAsString();
                    case "url" -> url = p.getValueAsString();
                    case "name" -> name = p.getValueAsString();
                    case "title" -> title = p.getValueAsString();
                    case "version" -> version = p.getValueAsString();
                    case "identifier" -> oid = identifierOid(p, value);
                    case "compose" -> arrayField(p, value, "include", () -> include(p, compose, where));
                    case "expansion" -> arrayField(p, value, "contains", () -> contains(p, expansion, where));
                    default -> p.skipChildren();
                }
            }
            if (!"ValueSet".equals(type)) {
                return null;
            }
            if (url == null) {
                throw new TerminologyLoadException(where, "ValueSet without url");
            }
            Members members = expansion.concepts.isEmpty() ? compose : expansion;
            if (members == compose && compose.intensional) {
                throw new TerminologyLoadException(where, "intensional compose (filter/valueSet) is not supported");
            }
            return new Read(new ValueSet(url.strip(), oid, name, title, version, MvcPackageLoader.SOURCE,
                    members.concepts), members.designations);
        }
    }

    /** The members found in one part of the resource. */
    private static final class Members {
        final List<Coding> concepts = new ArrayList<>();
        final List<Designation> designations = new ArrayList<>();
        boolean intensional;

        void add(String system, Concept concept) {
            String canonical = CodeSystems.canonicalUri(system);
            concepts.add(new Coding(canonical, concept.code, Displays.normalise(concept.display)));
            for (Label l : concept.labels) {
                designations.add(new Designation(canonical, concept.code, l.language, l.value));
            }
        }
    }

    /** A member as read, before its system is known (an include names it once for all its concepts). */
    private record Concept(String code, String display, List<Label> labels) {
    }

    private record Label(String language, String value) {
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException, TerminologyLoadException;
    }

    /** Runs {@code each} on every object of the array that {@code value} opens; anything else is skipped. */
    private static void eachObject(JsonParser p, JsonToken value, Step each) throws IOException, TerminologyLoadException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            each.run();
        }
    }

    static String identifierOid(JsonParser p, JsonToken value) throws IOException {
        String oid = null;
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("value")) {
                    String v = p.getValueAsString("").strip();
                    if (v.startsWith("urn:oid:")) {
                        oid = v.substring(8);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return oid;
    }

    /**
     * {@code compose.include[]} or {@code expansion.contains[]}: the one array {@code field} of the object that
     * {@code value} opens, each of its objects read by {@code each}.
     */
    private static void arrayField(JsonParser p, JsonToken value, String field, Step each)
            throws IOException, TerminologyLoadException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            if (f.equals(field)) {
                eachObject(p, v, each);
            } else {
                p.skipChildren();
            }
        }
    }

    private static void include(JsonParser p, Members into, String where)
            throws IOException, TerminologyLoadException {
        String system = null;
        List<Concept> concepts = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "system" -> system = p.getValueAsString();
                case "filter", "valueSet" -> {
                    into.intensional = true;
                    p.skipChildren();
                }
                case "concept" -> eachObject(p, v, () -> concepts.add(concept(p, where)));
                default -> p.skipChildren();
            }
        }
        if (system == null) {
            if (into.intensional) {
                return; // an include of other value sets only
            }
            throw new TerminologyLoadException(where, "compose.include without system");
        }
        for (Concept c : concepts) {
            into.add(system, c);
        }
    }

    /** One {@code expansion.contains} entry, nested {@code contains} included; each member names its own system. */
    private static void contains(JsonParser p, Members into, String where) throws IOException, TerminologyLoadException {
        String system = null;
        String code = null;
        String display = null;
        boolean isAbstract = false;
        List<Label> labels = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "system" -> system = p.getValueAsString();
                case "code" -> code = p.getValueAsString();
                case "display" -> display = p.getValueAsString();
                case "abstract" -> isAbstract = p.getValueAsBoolean();
                case "designation" -> eachObject(p, v, () -> designation(p, labels));
                case "contains" -> eachObject(p, v, () -> contains(p, into, where));
                default -> p.skipChildren();
            }
        }
        if (code == null || isAbstract) {
            return; // a grouping entry, not a member
        }
        if (system == null) {
            throw new TerminologyLoadException(where, "expansion.contains " + code + " without system");
        }
        into.add(system, new Concept(code, display, labels));
    }

    /** One {@code compose.include.concept}. */
    private static Concept concept(JsonParser p, String where) throws IOException, TerminologyLoadException {
        String code = null;
        String display = null;
        List<Label> labels = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String cf = p.currentName();
            JsonToken v = p.nextToken();
            switch (cf) {
                case "code" -> code = p.getValueAsString();
                case "display" -> display = p.getValueAsString();
                case "designation" -> eachObject(p, v, () -> designation(p, labels));
                default -> p.skipChildren();
            }
        }
        if (code == null) {
            throw new TerminologyLoadException(where, "concept without code");
        }
        return new Concept(code, display, labels);
    }

    /** One {@code designation} with a language and a value; others (a use without language) are skipped. */
    private static void designation(JsonParser p, List<Label> into) throws IOException {
        String language = null;
        String value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (f.equals("language")) {
                language = p.getValueAsString();
            } else if (f.equals("value")) {
                value = p.getValueAsString();
            } else {
                p.skipChildren();
            }
        }
        String normalised = Displays.normalise(value);
        if (language != null && !language.isBlank() && normalised != null && !normalised.isEmpty()) {
            into.add(new Label(language.strip(), normalised));
        }
    }
}

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
 * (url, OID identifier, name, title, version, the members and their designations by language); the rules are
 * those of {@link MvcPackageLoader#valueSet}. Members come from the enumerated {@code compose.include.concept};
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
                    case "compose" -> compose(p, value, compose, where);
                    case "expansion" -> expansion(p, value, expansion, where);
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

    private static void compose(JsonParser p, JsonToken value, Members into, String where)
            throws IOException, TerminologyLoadException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            if (f.equals("include") && v == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    include(p, into, where);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void include(JsonParser p, Members into, String where)
            throws IOException, TerminologyLoadException {
        String system = null;
        List<String[]> codes = new ArrayList<>();
        List<String[]> designations = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "system" -> system = p.getValueAsString();
                case "filter", "valueSet" -> {
                    into.intensional = true;
                    p.skipChildren();
                }
                case "concept" -> {
                    if (v != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String[] c = concept(p, designations, where);
                        codes.add(c);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (system == null) {
            if (into.intensional) {
                return; // an include of other value sets only
            }
            throw new TerminologyLoadException(where, "compose.include without system");
        }
        String canonical = CodeSystems.canonicalUri(system);
        for (String[] c : codes) {
            into.concepts.add(new Coding(canonical, c[0], Displays.normalise(c[1])));
        }
        for (String[] d : designations) {
            into.designations.add(new Designation(canonical, d[0], d[1], d[2]));
        }
    }

    /** {@code expansion.contains}, nested {@code contains} included; each member names its own system. */
    private static void expansion(JsonParser p, JsonToken value, Members into, String where)
            throws IOException, TerminologyLoadException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            if (f.equals("contains") && v == JsonToken.START_ARRAY) {
                contains(p, into, where);
            } else {
                p.skipChildren();
            }
        }
    }

    private static void contains(JsonParser p, Members into, String where) throws IOException, TerminologyLoadException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String system = null;
            String code = null;
            String display = null;
            boolean isAbstract = false;
            List<String[]> designations = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                switch (f) {
                    case "system" -> system = p.getValueAsString();
                    case "code" -> code = p.getValueAsString();
                    case "display" -> display = p.getValueAsString();
                    case "abstract" -> isAbstract = p.getValueAsBoolean();
                    case "designation" -> designations(p, v, designations);
                    case "contains" -> {
                        if (v == JsonToken.START_ARRAY) {
                            contains(p, into, where);
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (code == null || isAbstract) {
                continue; // a grouping entry, not a member
            }
            if (system == null) {
                throw new TerminologyLoadException(where, "expansion.contains " + code + " without system");
            }
            String canonical = CodeSystems.canonicalUri(system);
            into.concepts.add(new Coding(canonical, code, Displays.normalise(display)));
            for (String[] d : designations) {
                into.designations.add(new Designation(canonical, code, d[1], d[2]));
            }
        }
    }

    /** One {@code compose.include.concept}: {code, display}; its designations go to {@code designations}. */
    private static String[] concept(JsonParser p, List<String[]> designations, String where)
            throws IOException, TerminologyLoadException {
        String code = null;
        String display = null;
        List<String[]> own = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String cf = p.currentName();
            JsonToken v = p.nextToken();
            switch (cf) {
                case "code" -> code = p.getValueAsString();
                case "display" -> display = p.getValueAsString();
                case "designation" -> designations(p, v, own);
                default -> p.skipChildren();
            }
        }
        if (code == null) {
            throw new TerminologyLoadException(where, "concept without code");
        }
        for (String[] d : own) {
            designations.add(new String[] {code, d[1], d[2]});
        }
        return new String[] {code, display};
    }

    /** {@code designation[]} with a language and a value; others (a use without language) are skipped. */
    private static void designations(JsonParser p, JsonToken v, List<String[]> into) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
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
                into.add(new String[] {null, language.strip(), normalised});
            }
        }
    }
}

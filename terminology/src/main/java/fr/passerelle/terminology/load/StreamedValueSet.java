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
 * (url, OID identifier, name, title, version, enumerated {@code compose.include.concept}); the rules are those of
 * {@link MvcPackageLoader#valueSet}. Returns null when the resource is not a ValueSet.
 */
final class StreamedValueSet {

    private StreamedValueSet() {
    }

    static ValueSet read(JsonFactory factory, byte[] content, String where) throws IOException, TerminologyLoadException {
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
            List<Coding> concepts = new ArrayList<>();
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
                    case "compose" -> compose(p, value, concepts, where);
                    default -> p.skipChildren();
                }
            }
            if (!"ValueSet".equals(type)) {
                return null;
            }
            if (url == null) {
                throw new TerminologyLoadException(where, "ValueSet without url");
            }
            return new ValueSet(url.strip(), oid, name, title, version, MvcPackageLoader.SOURCE, concepts);
        }
    }

    private static String identifierOid(JsonParser p, JsonToken value) throws IOException {
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

    private static void compose(JsonParser p, JsonToken value, List<Coding> concepts, String where)
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
                    include(p, concepts, where);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void include(JsonParser p, List<Coding> concepts, String where)
            throws IOException, TerminologyLoadException {
        String system = null;
        List<String[]> codes = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "system" -> system = p.getValueAsString();
                case "filter", "valueSet" ->
                        throw new TerminologyLoadException(where, "intensional compose (filter/valueSet) is not supported");
                case "concept" -> {
                    if (v != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String code = null;
                        String display = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String cf = p.currentName();
                            p.nextToken();
                            if (cf.equals("code")) {
                                code = p.getValueAsString();
                            } else if (cf.equals("display")) {
                                display = p.getValueAsString();
                            } else {
                                p.skipChildren();
                            }
                        }
                        if (code == null) {
                            throw new TerminologyLoadException(where, "concept without code");
                        }
                        codes.add(new String[] {code, display});
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (system == null) {
            throw new TerminologyLoadException(where, "compose.include without system");
        }
        String canonical = CodeSystems.canonicalUri(system);
        for (String[] c : codes) {
            concepts.add(new Coding(canonical, c[0], Displays.normalise(c[1])));
        }
    }
}

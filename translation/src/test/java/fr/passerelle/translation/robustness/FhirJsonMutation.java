package fr.passerelle.translation.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The ways a FHIR MedicationDispense Bundle received from abroad can differ from the test's: a field left out, a
 * value emptied, a decimal comma, an unknown code, a repeated or emptied array, a very long string, a value of
 * the wrong JSON type. The result is still JSON; whether it is still FHIR is what the reader must find out.
 */
enum FhirJsonMutation {

    REMOVED_FIELD {
        @Override
        String apply(JsonNode root, Random random) {
            Slot s = pick(root, random, false);
            if (s == null) {
                return null;
            }
            s.remove();
            return "field left out: " + s.path;
        }
    },
    EMPTY_STRING {
        @Override
        String apply(JsonNode root, Random random) {
            Slot s = pick(root, random, true);
            if (s == null) {
                return null;
            }
            s.set(JsonNodeFactory.instance.textNode(random.nextBoolean() ? "" : " "));
            return "empty value at " + s.path;
        }
    },
    DECIMAL_COMMA {
        @Override
        String apply(JsonNode root, Random random) {
            Slot s = pick(root, random, true);
            if (s == null) {
                return null;
            }
            s.set(JsonNodeFactory.instance.textNode("58,5"));
            return "decimal comma at " + s.path;
        }
    },
    UNKNOWN_CODE {
        @Override
        String apply(JsonNode root, Random random) {
            Slot s = pick(root, random, true);
            if (s == null) {
                return null;
            }
            s.set(JsonNodeFactory.instance.textNode("ZZ-" + random.nextInt(100_000)));
            return "unknown value at " + s.path;
        }
    },
    LONG_STRING {
        @Override
        String apply(JsonNode root, Random random) {
            Slot s = pick(root, random, true);
            if (s == null) {
                return null;
            }
            s.set(JsonNodeFactory.instance.textNode(CdaMutation.longText(random)));
            return "very long value at " + s.path;
        }
    },
    WRONG_TYPE {
        @Override
        String apply(JsonNode root, Random random) {
            Slot s = pick(root, random, false);
            if (s == null) {
                return null;
            }
            JsonNode replacement = switch (random.nextInt(4)) {
                case 0 -> JsonNodeFactory.instance.numberNode(42);
                case 1 -> JsonNodeFactory.instance.booleanNode(true);
                case 2 -> JsonNodeFactory.instance.arrayNode();
                default -> JsonNodeFactory.instance.objectNode();
            };
            s.set(replacement);
            return "value of another JSON type at " + s.path;
        }
    },
    REPEATED_ITEM {
        @Override
        String apply(JsonNode root, Random random) {
            List<ArrayNode> arrays = new ArrayList<>();
            arrays(root, arrays);
            if (arrays.isEmpty()) {
                return null;
            }
            ArrayNode a = arrays.get(random.nextInt(arrays.size()));
            if (a.isEmpty()) {
                return null;
            }
            if (random.nextBoolean()) {
                a.add(a.get(random.nextInt(a.size())).deepCopy());
                return "array item repeated";
            }
            a.removeAll();
            return "array emptied";
        }
    };

    abstract String apply(JsonNode root, Random random);

    /** One place in the tree: a field of an object or an item of an array. */
    private record Slot(JsonNode parent, String field, int index, String path) {
        void remove() {
            if (parent instanceof ObjectNode o) {
                o.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static Slot pick(JsonNode root, Random random, boolean leavesOnly) {
        List<Slot> slots = new ArrayList<>();
        slots(root, "", slots, leavesOnly);
        return slots.isEmpty() ? null : slots.get(random.nextInt(slots.size()));
    }

    private static void slots(JsonNode node, String path, List<Slot> out, boolean leavesOnly) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                String p = path + "." + f.getKey();
                if (!leavesOnly || f.getValue().isValueNode()) {
                    out.add(new Slot(o, f.getKey(), -1, p));
                }
                slots(f.getValue(), p, out, leavesOnly);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                String p = path + "[" + i + "]";
                if (!leavesOnly || a.get(i).isValueNode()) {
                    out.add(new Slot(a, null, i, p));
                }
                slots(a.get(i), p, out, leavesOnly);
            }
        }
    }

    private static void arrays(JsonNode node, List<ArrayNode> out) {
        if (node instanceof ArrayNode a) {
            out.add(a);
        }
        for (JsonNode child : node) {
            arrays(child, out);
        }
    }
}

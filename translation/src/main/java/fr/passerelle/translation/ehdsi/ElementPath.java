package fr.passerelle.translation.ehdsi;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A compiled path of the coded-element list, e.g.
 * {@code //entry/act[templateId/@root='…3.16']/entryRelationship[@typeCode='SUBJ']/observation/code} or
 * {@code …/doseQuantity/low/@unit}. It supports exactly what the list uses: an absolute or {@code //} start,
 * child steps by local name, predicates {@code @a='v'}, {@code child/@a='v'} joined by {@code and}, and a final
 * attribute step. Matching walks up from a candidate element, so a document is matched in one pass without an
 * XPath engine.
 */
public final class ElementPath {

    private record Condition(String child, String attribute, String value) {
        boolean holds(Element e) {
            if (child == null) {
                return value.equals(e.getAttribute(attribute));
            }
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c && child.equals(c.getLocalName()) && value.equals(c.getAttribute(attribute))) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Step(String name, List<Condition> conditions) {
        boolean matches(Element e) {
            if (!name.equals(e.getLocalName())) {
                return false;
            }
            for (Condition c : conditions) {
                if (!c.holds(e)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final String source;
    private final boolean absolute;
    private final List<Step> steps;
    private final String attribute;

    private ElementPath(String source, boolean absolute, List<Step> steps, String attribute) {
        this.source = source;
        this.absolute = absolute;
        this.steps = steps;
        this.attribute = attribute;
    }

    public static ElementPath compile(String path) {
        String p = path.strip();
        boolean absolute = !p.startsWith("//");
        p = absolute ? p.substring(1) : p.substring(2);
        List<String> raw = splitSteps(p);
        String attribute = null;
        if (raw.get(raw.size() - 1).startsWith("@")) {
            attribute = raw.remove(raw.size() - 1).substring(1);
        }
        List<Step> steps = new ArrayList<>();
        for (String s : raw) {
            steps.add(step(s, path));
        }
        return new ElementPath(path, absolute, List.copyOf(steps), attribute);
    }

    /** The local name of the element this path selects (or whose attribute it selects). */
    public String elementName() {
        return steps.get(steps.size() - 1).name();
    }

    /** The attribute selected (e.g. {@code unit}), or null when the path selects the element itself. */
    public String attribute() {
        return attribute;
    }

    public boolean matches(Element e) {
        Node current = e;
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (!(current instanceof Element el) || !steps.get(i).matches(el)) {
                return false;
            }
            current = el.getParentNode();
        }
        return !absolute || !(current instanceof Element);
    }

    @Override
    public String toString() {
        return source;
    }

    private static List<String> splitSteps(String p) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '/' && depth == 0) {
                out.add(p.substring(start, i));
                start = i + 1;
            }
        }
        out.add(p.substring(start));
        return out;
    }

    private static Step step(String s, String whole) {
        int bracket = s.indexOf('[');
        String name = (bracket < 0 ? s : s.substring(0, bracket)).strip();
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(colon + 1);
        }
        List<Condition> conditions = new ArrayList<>();
        int i = bracket;
        while (i >= 0 && i < s.length()) {
            int close = s.indexOf(']', i);
            if (close < 0) {
                throw new IllegalArgumentException("unbalanced predicate in " + whole);
            }
            for (String part : s.substring(i + 1, close).split("\\band\\b")) {
                conditions.add(condition(part.strip(), whole));
            }
            i = s.indexOf('[', close);
        }
        return new Step(name, List.copyOf(conditions));
    }

    private static Condition condition(String c, String whole) {
        int eq = c.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("unsupported predicate '" + c + "' in " + whole);
        }
        String left = c.substring(0, eq).strip();
        String value = c.substring(eq + 1).strip();
        if (value.length() < 2 || (value.charAt(0) != '\'' && value.charAt(0) != '"')) {
            throw new IllegalArgumentException("unsupported predicate value '" + c + "' in " + whole);
        }
        value = value.substring(1, value.length() - 1);
        int at = left.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("unsupported predicate '" + c + "' in " + whole);
        }
        String child = at == 0 ? null : left.substring(0, at - 1).strip();
        if (child != null && child.indexOf(':') >= 0) {
            child = child.substring(child.indexOf(':') + 1);
        }
        return new Condition(child, left.substring(at + 1).strip(), value);
    }
}

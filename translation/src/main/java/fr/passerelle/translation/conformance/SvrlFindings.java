package fr.passerelle.translation.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the findings out of the SVRL a validator writes, as it is written (no tree is built): each
 * {@code svrl:failed-assert} and {@code svrl:successful-report} directly under the report root, with the pattern
 * of the {@code svrl:active-pattern} before it (an assertion of an abstract rule is named after the pattern it
 * fired in). One instance per validation.
 */
final class SvrlFindings extends DefaultHandler {

    static final String SVRL = "http://purl.oclc.org/dsdl/svrl";
    static final String ABSTRACT = "abstract:";

    private final Map<String, Set<String>> stubsByAssertion;
    private final List<Finding> findings = new ArrayList<>();
    private int depth;
    private String pattern = "";
    /** The finding being read (depth 2), or null. */
    private String rawId;
    private String role;
    private String location;
    private final StringBuilder allText = new StringBuilder();
    private final StringBuilder textChild = new StringBuilder();
    /** Depth of the first svrl:text child while inside it, 0 outside; -1 once it has been read. */
    private int textDepth;

    SvrlFindings(Map<String, Set<String>> stubsByAssertion) {
        this.stubsByAssertion = stubsByAssertion;
    }

    List<Finding> findings() {
        return findings;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        depth++;
        if (depth == 2 && SVRL.equals(uri)) {
            switch (localName) {
                case "active-pattern" -> pattern = patternKey(value(attributes, "id"), value(attributes, "name"));
                case "failed-assert", "successful-report" -> {
                    rawId = value(attributes, "id");
                    role = value(attributes, "role");
                    location = value(attributes, "location");
                    allText.setLength(0);
                    textChild.setLength(0);
                    textDepth = 0;
                }
                default -> {
                }
            }
        } else if (depth == 3 && rawId != null && textDepth == 0 && "text".equals(localName)) {
            textDepth = depth;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (rawId != null) {
            allText.append(ch, start, length);
            if (textDepth > 0) {
                textChild.append(ch, start, length);
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (depth == textDepth) {
            textDepth = -1;
        }
        if (depth == 2 && rawId != null) {
            String id = rawId.startsWith(ABSTRACT) ? pattern + "/" + rawId.substring(ABSTRACT.length()) : rawId;
            String text = textDepth == -1 ? textChild.toString() : allText.toString();
            findings.add(new Finding(id, severity(role), location, text.replaceAll("\\s+", " ").strip(),
                    stubsByAssertion.getOrDefault(rawId, Set.of())));
            rawId = null;
        }
        depth--;
    }

    private static String value(Attributes attributes, String name) {
        String v = attributes.getValue("", name);
        return v == null ? "" : v;
    }

    private static Finding.Severity severity(String role) {
        return switch (role.toLowerCase(java.util.Locale.ROOT)) {
            case "warning", "warn" -> Finding.Severity.WARNING;
            case "info", "information", "hint" -> Finding.Severity.INFO;
            default -> Finding.Severity.ERROR;
        };
    }

    /** ART-DECOR pattern ids are "template-<template OID>-<version>": the OID and version say which template. */
    static String patternKey(String id, String name) {
        String key = id.isEmpty() ? name : id;
        return key.startsWith("template-") ? key.substring("template-".length()) : key;
    }
}

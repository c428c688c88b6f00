package fr.passerelle.gateway.xca;

import static fr.passerelle.gateway.ihe.XdsVocabulary.FIND_DOCUMENTS;
import static fr.passerelle.gateway.soap.Namespaces.QUERY;
import static fr.passerelle.gateway.soap.Namespaces.RIM;

import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.soap.XmlTree;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/** Reads an ebRS {@code AdhocQueryRequest} carrying the XDS FindDocuments stored query into a {@link DocumentQuery}. */
public final class AdhocQueryRequestReader {

    public DocumentQuery read(Element request) {
        boolean leafClass = XmlTree.child(request, QUERY, "ResponseOption")
                .flatMap(option -> XmlTree.attribute(option, "returnType")).map("LeafClass"::equals).orElse(true);
        Element adhocQuery = XmlTree.child(request, RIM, "AdhocQuery")
                .orElseThrow(() -> new MalformedRequest("AdhocQueryRequest has no AdhocQuery"));
        String storedQuery = XmlTree.attribute(adhocQuery, "id").orElse("");
        if (!FIND_DOCUMENTS.equals(storedQuery)) {
            throw new MalformedRequest("Only the FindDocuments stored query (" + FIND_DOCUMENTS + ") is supported");
        }
        List<String> patientIds = slotValues(adhocQuery, "$XDSDocumentEntryPatientId");
        if (patientIds.size() != 1) {
            throw new MalformedRequest("FindDocuments needs exactly one $XDSDocumentEntryPatientId value");
        }
        XdsPatientId patientId = XdsPatientId.parse(patientIds.get(0));
        Set<DocumentClass> classes = EnumSet.noneOf(DocumentClass.class);
        List<String> unsupported = new ArrayList<>();
        for (String value : slotValues(adhocQuery, "$XDSDocumentEntryClassCode")) {
            for (String coded : listItems(value)) {
                String code = coded.contains("^") ? coded.substring(0, coded.indexOf('^')) : coded;
                DocumentClass.ofLoinc(code).ifPresentOrElse(classes::add, () -> unsupported.add(code));
            }
        }
        if (classes.isEmpty() && unsupported.isEmpty()) {
            throw new MalformedRequest("FindDocuments needs a $XDSDocumentEntryClassCode (60591-5, 57833-6, "
                    + "11502-2, 34105-7 or 18748-4)");
        }
        return new DocumentQuery(patientId, classes, unsupported, leafClass);
    }

    private static List<String> slotValues(Element adhocQuery, String slotName) {
        List<String> values = new ArrayList<>();
        for (Element slot : XmlTree.children(adhocQuery, RIM, "Slot")) {
            if (slotName.equals(slot.getAttribute("name"))) {
                XmlTree.child(slot, RIM, "ValueList").ifPresent(list -> XmlTree.children(list, RIM, "Value")
                        .forEach(v -> values.add(XmlTree.text(v))));
            }
        }
        return values;
    }

    /** A stored-query list value: {@code ('a','b')} or a single {@code 'a'}; quotes and parentheses removed. */
    static List<String> listItems(String value) {
        String v = value.trim();
        if (v.startsWith("(") && v.endsWith(")")) {
            v = v.substring(1, v.length() - 1);
        }
        List<String> items = new ArrayList<>();
        for (String item : v.split(",")) {
            String s = item.trim();
            if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
                s = s.substring(1, s.length() - 1);
            }
            if (!s.isEmpty()) {
                items.add(s);
            }
        }
        return items;
    }
}

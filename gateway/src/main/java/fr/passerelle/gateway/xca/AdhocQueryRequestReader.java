package fr.passerelle.gateway.xca;

import static fr.passerelle.gateway.ihe.XdsVocabulary.FIND_DOCUMENTS;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.ebxml.query.AdhocQueryRequest;
import fr.passerelle.gateway.ihe.ebxml.rim.AdhocQueryType;
import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.soap.RequestModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/** Reads an ebRS {@code AdhocQueryRequest} carrying the XDS FindDocuments stored query into a {@link DocumentQuery}. */
public final class AdhocQueryRequestReader {

    public DocumentQuery read(Element body) {
        AdhocQueryRequest request = RequestModel.read(ProtocolModel.XDS, body, AdhocQueryRequest.class);
        // ebRS's default returnType (RegistryObject) is no XDS answer: only an asked ObjectRef gets references.
        boolean leafClass = request.getResponseOption() == null
                || !"ObjectRef".equals(request.getResponseOption().getReturnType().trim());
        AdhocQueryType adhocQuery = Optional.ofNullable(request.getAdhocQuery())
                .orElseThrow(() -> new MalformedRequest("AdhocQueryRequest has no AdhocQuery"));
        if (!FIND_DOCUMENTS.equals(RequestModel.present(adhocQuery.getId()).orElse(""))) {
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

    private static List<String> slotValues(AdhocQueryType adhocQuery, String slotName) {
        return adhocQuery.getSlot().stream().filter(slot -> slotName.equals(slot.getName()))
                .filter(slot -> slot.getValueList() != null).flatMap(slot -> slot.getValueList().getValue().stream())
                .map(value -> value == null ? "" : value.trim()).toList();
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

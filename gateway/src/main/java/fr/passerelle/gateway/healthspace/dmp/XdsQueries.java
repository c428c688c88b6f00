package fr.passerelle.gateway.healthspace.dmp;

import static fr.passerelle.gateway.ihe.XdsVocabulary.QUERY;
import static fr.passerelle.gateway.ihe.XdsVocabulary.RIM;

import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.Ins;
import java.util.List;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/** ITI-18 Registry Stored Query requests: FindDocuments (by patient and type) and GetDocuments (by unique id). */
final class XdsQueries {

    private XdsQueries() {
    }

    /** Approved entries of the patient with one of the type codes, full metadata (LeafClass). */
    static Element findDocuments(Ins patient, List<Code> typeCodes) {
        Element query = query(XdsVocabulary.FIND_DOCUMENTS);
        slot(query, "$XDSDocumentEntryPatientId", quoted(patientCx(patient)));
        slot(query, "$XDSDocumentEntryStatus", "(" + quoted(XdsVocabulary.APPROVED) + ")");
        slot(query, "$XDSDocumentEntryTypeCode", typeCodes.stream()
                .map(c -> quoted(c.code() + "^^" + c.codeSystem())).collect(Collectors.joining(",", "(", ")")));
        return (Element) query.getParentNode();
    }

    static Element getDocuments(String uniqueId) {
        Element query = query(XdsVocabulary.GET_DOCUMENTS);
        slot(query, "$XDSDocumentEntryUniqueId", "(" + quoted(uniqueId) + ")");
        return (Element) query.getParentNode();
    }

    /** {@code value^^^&oid&ISO}, the CX form of an INS in XDS queries and metadata. */
    static String patientCx(Ins patient) {
        return patient.asCx().encode();
    }

    private static Element query(String storedQueryId) {
        Element request = XmlTree.root(QUERY, "query:AdhocQueryRequest");
        request.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:rim", RIM);
        Element option = XmlTree.add(request, QUERY, "query:ResponseOption");
        option.setAttributeNS(null, "returnType", "LeafClass");
        option.setAttributeNS(null, "returnComposedObjects", "true");
        Element query = XmlTree.add(request, RIM, "rim:AdhocQuery");
        query.setAttributeNS(null, "id", storedQueryId);
        return query;
    }

    private static void slot(Element query, String name, String value) {
        Element slot = XmlTree.add(query, RIM, "rim:Slot");
        slot.setAttributeNS(null, "name", name);
        XmlTree.add(XmlTree.add(slot, RIM, "rim:ValueList"), RIM, "rim:Value", value);
    }

    /** SQL-style quoting of stored-query values; a quote inside a value is doubled. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

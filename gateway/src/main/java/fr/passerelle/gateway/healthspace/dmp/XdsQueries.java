package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.ihe.ebxml.query.AdhocQueryRequest;
import fr.passerelle.gateway.ihe.ebxml.query.ResponseOptionType;
import fr.passerelle.gateway.ihe.ebxml.rim.AdhocQueryType;
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
        return query(XdsVocabulary.FIND_DOCUMENTS, XdsModel.slot("$XDSDocumentEntryPatientId",
                        quoted(patientCx(patient))),
                XdsModel.slot("$XDSDocumentEntryStatus", "(" + quoted(XdsVocabulary.APPROVED) + ")"),
                XdsModel.slot("$XDSDocumentEntryTypeCode", typeCodes.stream()
                        .map(c -> quoted(c.code() + "^^" + c.codeSystem())).collect(Collectors.joining(",", "(", ")"))));
    }

    static Element getDocuments(String uniqueId) {
        return query(XdsVocabulary.GET_DOCUMENTS,
                XdsModel.slot("$XDSDocumentEntryUniqueId", "(" + quoted(uniqueId) + ")"));
    }

    /** {@code value^^^&oid&ISO}, the CX form of an INS in XDS queries and metadata. */
    static String patientCx(Ins patient) {
        return patient.asCx().encode();
    }

    private static Element query(String storedQueryId, fr.passerelle.gateway.ihe.ebxml.rim.SlotType1... slots) {
        return ProtocolModel.XDS.toDom(new AdhocQueryRequest()
                .withResponseOption(new ResponseOptionType().withReturnType("LeafClass")
                        .withReturnComposedObjects(true))
                .withAdhocQuery(new AdhocQueryType().withId(storedQueryId).withSlot(slots)));
    }

    /** SQL-style quoting of stored-query values; a quote inside a value is doubled. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

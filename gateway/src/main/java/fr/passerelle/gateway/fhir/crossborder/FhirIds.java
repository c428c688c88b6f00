package fr.passerelle.gateway.fhir.crossborder;

import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.healthspace.Ins;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reversible FHIR ids for what the road serves. A patient is {@code <INS OID>-<INS>}; a document is its XDS
 * uniqueId with {@code ^} written {@code -} (an OID root never holds a dash, the extension must not either);
 * Binary ids prefix the rendering ({@code cda-}, {@code pdf-}); prescription items append {@code -<position>}.
 */
final class FhirIds {

    static final String INS_SYSTEM_PREFIX = "urn:oid:";
    private static final Pattern DOCUMENT_UNIQUE_ID = Pattern.compile("[0-9]+(\\.[0-9]+)*(\\^[A-Za-z0-9.]+)?");

    private FhirIds() {
    }

    static String patientId(Ins ins) {
        return ins.oid() + "-" + ins.value();
    }

    static Ins insOfPatientId(String id) {
        int dash = id == null ? -1 : id.indexOf('-');
        if (dash < 0) {
            throw FhirRefusal.invalid("a patient id is <INS OID>-<INS>");
        }
        return ins(id.substring(0, dash), id.substring(dash + 1));
    }

    /** An INS from a FHIR identifier ({@code urn:oid:<OID>} or the bare OID as system). */
    static Ins ins(String system, String value) {
        String oid = system == null ? "" : system.startsWith(INS_SYSTEM_PREFIX)
                ? system.substring(INS_SYSTEM_PREFIX.length()) : system;
        if (!Ins.isInsOid(oid)) {
            throw FhirRefusal.invalid("the identifier system must be one of the INS OIDs (urn:oid:1.2.250.1.213.1.4.8, "
                    + ".9, .10 or .11)");
        }
        try {
            return new Ins(oid, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw FhirRefusal.invalid("an INS value is 1 to " + Ins.MAX_VALUE_LENGTH + " letters and digits");
        }
    }

    static Optional<String> documentId(String uniqueId) {
        if (!DOCUMENT_UNIQUE_ID.matcher(uniqueId).matches() || uniqueId.length() > 60) {
            return Optional.empty();
        }
        return Optional.of(uniqueId.replace('^', '-'));
    }

    static String uniqueIdOf(String documentId) {
        return documentId.replace('-', '^');
    }

    /** The document id and 1-based position of a prescription item id. */
    record Item(String documentId, int position) {
    }

    static String itemId(String documentId, int position) {
        return documentId + "-" + position;
    }

    static Optional<Item> item(String itemId) {
        int dash = itemId.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Item(itemId.substring(0, dash), Integer.parseInt(itemId.substring(dash + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package fr.passerelle.gateway.fhir.crossborder;

import fr.passerelle.gateway.exchange.PrescriptionItemId;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.gateway.healthspace.Ins;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reversible FHIR ids for what the road serves (a patient's is sealed, {@link PatientIds}). A document is its XDS
 * uniqueId with {@code ^} written {@code -} (an OID root never holds a dash, the French extension must not either);
 * Binary ids prefix the rendering ({@code cda-}, {@code pdf-}); prescription items append {@code -<position>}, which
 * is also the item document's XDS uniqueId ({@link PrescriptionItemId}) with its {@code ^} written {@code -}: one
 * item has one id on XCA, in DocumentReference, Binary and MedicationRequest. Back to a uniqueId, only the first
 * dash is a {@code ^} (the one after the root).
 */
final class FhirIds {

    static final String INS_SYSTEM_PREFIX = "urn:oid:";
    private static final Pattern DOCUMENT_UNIQUE_ID = Pattern.compile("[0-9]+(\\.[0-9]+)*(\\^[A-Za-z0-9.]+)?");
    /** What {@link #documentId} and {@link #pivotId} can answer (the extension may be all digits, like a position). */
    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9]+(\\.[0-9]+)*(-[A-Za-z0-9.]+)?(-[0-9]+)?");
    /** FHIR ids are at most 64 characters, and a Binary id prefixes {@code cda-} or {@code pdf-}. */
    private static final int MAX_DOCUMENT_ID = 60;

    private FhirIds() {
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
        if (!DOCUMENT_UNIQUE_ID.matcher(uniqueId).matches() || uniqueId.length() > MAX_DOCUMENT_ID) {
            return Optional.empty();
        }
        return Optional.of(uniqueId.replace('^', '-'));
    }

    /**
     * The id of an offered pivot document: the French document's ({@code item} 0) or its item's, empty when the
     * French uniqueId cannot be a FHIR id or the item's id would be too long.
     */
    static Optional<String> pivotId(String frenchUniqueId, int item) {
        return documentId(frenchUniqueId).map(id -> item == 0 ? id : itemId(id, item))
                .filter(id -> id.length() <= MAX_DOCUMENT_ID);
    }

    /** Whether a FHIR id can name a document or prescription item this road offers (else it is a client error). */
    static boolean isDocumentId(String id) {
        return id != null && id.length() <= MAX_DOCUMENT_ID && DOCUMENT_ID.matcher(id).matches();
    }

    /**
     * The XDS uniqueId a document id names: a French document's, or a prescription item's (the exchange resolves it
     * with {@link PrescriptionItemId#parse}).
     */
    static String uniqueIdOf(String documentId) {
        int dash = documentId.indexOf('-');
        return dash < 0 ? documentId : documentId.substring(0, dash) + "^" + documentId.substring(dash + 1);
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

package fr.passerelle.gateway.healthspace;

import java.util.List;
import java.util.Optional;

/**
 * The port to the French health space. Answers as the French side knows it: it applies no cross-border access rule
 * (masking, blocked professionals, emergency opposition are returned as data — {@link DocumentEntry#masked()},
 * {@link PatientControls} — for the access policy to decide on).
 */
public interface NationalHealthSpace {

    /** The patient with this INS, if the health space knows them. */
    Optional<FrenchPatient> findPatient(Ins ins);

    /** Patients matching every given demographic trait of the search (exact match, case- and accent-insensitive names). */
    List<FrenchPatient> findPatients(PatientSearch demographics);

    /** The patient's documents of this kind, newest first, masked ones included (flagged). */
    List<DocumentEntry> documents(Ins ins, DocumentKind kind);

    /** The document with this XDS unique id, with its bytes. */
    Optional<StoredDocument> retrieve(String documentUniqueId);

    /**
     * The metadata of the document with this XDS unique id, without its bytes: a retrieve whose translation is cached
     * needs no more. Implementations that can read metadata alone override this.
     */
    default Optional<DocumentEntry> entry(String documentUniqueId) {
        return retrieve(documentUniqueId).map(StoredDocument::entry);
    }

    /**
     * The prescribed items of an ePrescription, in document order, each saying whether it was dispensed (a fully
     * dispensed ePrescription is no longer offered abroad). Empty when the id names no ePrescription.
     */
    List<PrescriptionLine> prescriptionLines(String prescriptionUniqueId);

    /** The patient's own controls over access; neutral controls for a patient who set none. */
    PatientControls controls(Ins ins);

    /**
     * Records a dispensation of one ePrescription line. Idempotent on {@link FrenchDispensation#id()}: submitting
     * the same dispensation again returns the first receipt (with {@code duplicate} set) and changes nothing.
     *
     * @throws DispensationRefusedException when the prescription or the line is unknown, belongs to another
     *                                      patient, or was already dispensed by another dispensation
     */
    DispensationReceipt submitDispensation(Ins ins, FrenchDispensation dispensation);

    /**
     * Undoes a dispensation recorded by {@link #submitDispensation} (eHDSI eDispensation discard): its prescription
     * line becomes dispensable again. Idempotent: discarding it again changes nothing and says so. The dispensation
     * stays known under its id, so it cannot be submitted again; a new dispensation needs a new id.
     *
     * @throws DiscardRefusedException when no dispensation has this id, it belongs to another patient, or the
     *                                  health space cannot discard dispensations
     */
    DiscardReceipt discardDispensation(Ins ins, String dispensationId);
}

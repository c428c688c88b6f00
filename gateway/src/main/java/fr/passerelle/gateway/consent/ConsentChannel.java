package fr.passerelle.gateway.consent;

/** Through which door a consent change came in, kept with every version. */
public enum ConsentChannel {
    /** The patient, through the patient API (Mon Espace Santé or the demo page). */
    PATIENT_API,
    /** An operator of the agency acting on a written request of the patient. */
    OPERATOR,
    /** An import or migration run by the agency. */
    IMPORT
}

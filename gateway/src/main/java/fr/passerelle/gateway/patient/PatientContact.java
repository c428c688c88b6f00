package fr.passerelle.gateway.patient;

import java.util.Objects;

/** Where and in which language a patient wants to be told about accesses. */
public record PatientContact(String email, PatientLanguage language) {

    public PatientContact {
        Objects.requireNonNull(language, "language");
        if (email == null || email.length() > 320 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("email is not an e-mail address");
        }
    }

    @Override
    public String toString() {
        return "PatientContact[***, " + language + "]";
    }
}

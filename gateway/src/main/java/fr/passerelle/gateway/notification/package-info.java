/**
 * Tells the patient, by e-mail, about every cross-border access to their record — after the transaction
 * committed, on its own thread, so a slow or broken mail server never delays or fails the exchange. Where each
 * patient wants to be told ({@code patient_contact}) is the patient's own setting, kept by
 * {@code patient.PatientContactStore}: this package reads it, the patient API writes it.
 */
package fr.passerelle.gateway.notification;

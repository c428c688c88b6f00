/**
 * Tells the patient, by e-mail, about every cross-border access to their record — after the transaction
 * committed, on its own thread, so a slow or broken mail server never delays or fails the exchange. Owns where
 * each patient wants to be told ({@code patient_contact}).
 */
package fr.passerelle.gateway.notification;

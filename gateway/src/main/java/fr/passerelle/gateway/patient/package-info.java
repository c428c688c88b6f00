/**
 * The patient's own window on Passerelle, {@code /api/patient/**} (documented in {@code openapi.yaml} beside it):
 * read and change their cross-border consent, read who accessed their record from abroad in plain French or
 * English, and say where to be notified ({@code PatientContactStore}, read by {@code notification}). The patient is
 * always the one the bearer token names: no request parameter can point at another patient.
 */
package fr.passerelle.gateway.patient;

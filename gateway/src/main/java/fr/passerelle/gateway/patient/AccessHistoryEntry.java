package fr.passerelle.gateway.patient;

import java.time.Instant;

/** One access to the patient's record, told in their language, with the facts behind the sentence. */
public record AccessHistoryEntry(Instant time, String country, String outcome, String text) {
}

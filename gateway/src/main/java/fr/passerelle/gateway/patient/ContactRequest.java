package fr.passerelle.gateway.patient;

/** Where to send access notifications ({@code PUT /api/patient/contact}); language {@code fr} or {@code en}. */
public record ContactRequest(String email, String language) {
}

package fr.passerelle.gateway.healthspace;

/** A postal address as the health space records it; any part may be null. */
public record PostalAddress(String streetLine, String postalCode, String city, String country) {
}

package fr.passerelle.gateway.console.demo;

/**
 * One coded value: the display in the chosen language, the pivot code, and the French code it was transcoded from
 * (when the document carries it).
 *
 * @param display  terminology display in the chosen language (falls back to the received display)
 * @param system   the code system's name or OID as received
 * @param code     the pivot code
 * @param original the original French code and its display ("XM5DJ7 PARACETAMOL"), or null
 */
public record ShownCode(String display, String system, String code, String original) {
}

package fr.passerelle.gateway.console.demo;

import java.util.List;

/**
 * A received document as the page renders it, whichever road brought it.
 *
 * @param title    the document's title (as received)
 * @param kind     "Patient Summary" or "ePrescription"
 * @param sections its sections, in document order
 */
public record ShownDocument(String title, String kind, List<ShownSection> sections) {

    /**
     * @param heading       the section code's display in the chosen language
     * @param receivedTitle the title the document carries (French: the original author's words)
     * @param entries       one per clinical entry
     */
    public record ShownSection(String heading, String receivedTitle, List<ShownEntry> entries) {
    }

    /**
     * @param text  free text of the entry, when it has one (e.g. the medicinal product's name)
     * @param codes its coded values, displays translated
     */
    public record ShownEntry(String text, List<ShownCode> codes) {
    }
}

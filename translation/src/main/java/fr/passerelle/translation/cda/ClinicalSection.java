package fr.passerelle.translation.cda;

import java.util.List;
import org.w3c.dom.Element;

/**
 * A section understood by the translators: its kind, its own code (as written; the only name of an
 * {@link SectionKind#OTHER} section), the author's title, its narrative block (kept as the parsed element so
 * writers can copy it without re-parsing) and its entries.
 */
public record ClinicalSection(SectionKind kind, CodedValue code, String title, Element narrative,
                              List<ClinicalEntry> entries, SourceRef source) {

    public ClinicalSection {
        entries = List.copyOf(entries);
    }

    /** Whether the narrative block holds any text (a section can carry its meaning by narrative alone). */
    public boolean hasNarrativeText() {
        return narrative != null && !narrative.getTextContent().isBlank();
    }
}

package fr.passerelle.translation.cda;

import java.util.List;
import org.w3c.dom.Element;

/**
 * A section understood by the translators: its kind, the author's title, its narrative block (kept as the
 * parsed element so writers can copy it without re-parsing) and its entries.
 */
public record ClinicalSection(SectionKind kind, String title, Element narrative, List<ClinicalEntry> entries,
                              SourceRef source) {

    public ClinicalSection {
        entries = List.copyOf(entries);
    }
}

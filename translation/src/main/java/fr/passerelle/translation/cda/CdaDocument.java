package fr.passerelle.translation.cda;

import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import java.util.List;
import java.util.Optional;

/** A CDA document read once into a typed model: header, the clinical sections understood, an attached PDF. */
public record CdaDocument(DocumentFormat format, Header header, List<ClinicalSection> sections,
                          Optional<EmbeddedPdf> pdf, List<IrregularValue> irregularValues) {

    public CdaDocument {
        sections = List.copyOf(sections);
        irregularValues = irregularValues == null ? List.of() : List.copyOf(irregularValues);
    }

    public Optional<ClinicalSection> section(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).findFirst();
    }

    /** The first section of a kind the target requires: without one the document is refused, naming it. */
    public ClinicalSection requiredSection(SectionKind kind) throws TranslationException {
        return section(kind).orElseThrow(() -> new TranslationException(new TranslationFailure.MissingMandatorySection(
                "/ClinicalDocument/component/structuredBody", kind.loinc(), kind.englishTitle())));
    }

    /** Every section of a kind, in document order (a French document may split one kind over several sections). */
    public List<ClinicalSection> sections(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).toList();
    }

    /** The entries of every section of a kind, in document order. */
    public List<ClinicalEntry> entries(SectionKind kind) {
        return sections(kind).stream().flatMap(s -> s.entries().stream()).toList();
    }
}

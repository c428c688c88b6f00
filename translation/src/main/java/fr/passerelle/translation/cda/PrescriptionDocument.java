package fr.passerelle.translation.cda;

import fr.passerelle.translation.TranslationReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an eP-MED-DM says beside its prescription lines, as the eP outputs need it: the prescriber's comments (a
 * FR-Commentaire-non-code section, LOINC 55112-7), which every prescription item carries in words, and the
 * sections no ePrescription output has a place for (e.g. the 2D barcode of the French prescription), which the
 * outputs report as not carried. The prescribed devices, the pregnancy status and the vital signs are entries the
 * outputs handle themselves; the "copy of the document" section is the PDF the level-1 pivot carries.
 */
public final class PrescriptionDocument {

    /** LOINC 55112-7 "Document summary": the French CI-SIS comment section. */
    public static final String COMMENT = "55112-7";
    /** LOINC 55108-5 "Clinical presentation document": the French copy of the document (its PDF). */
    public static final String PDF_COPY = "55108-5";
    private static final Set<SectionKind> HANDLED = Set.of(SectionKind.PRESCRIPTIONS, SectionKind.DEVICES,
            SectionKind.PREGNANCY, SectionKind.VITAL_SIGNS);

    private PrescriptionDocument() {
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** The prescriber's comments on the whole prescription, in document order, as written. */
    public static List<String> comments(CdaDocument source) {
        List<String> out = new ArrayList<>();
        for (ClinicalSection s : source.sections()) {
            if (isComment(s) && s.hasNarrativeText()) {
                out.add(SPACES.matcher(s.narrative().getTextContent()).replaceAll(" ").strip());
            }
        }
        return out;
    }

    /**
     * Sections of the prescription that the output does not carry (never the comments; the PDF copy only when the
     * output travels with a level-1 document holding it).
     */
    public static List<ClinicalSection> uncarriedSections(CdaDocument source, boolean levelOneCarriesPdf) {
        List<ClinicalSection> out = new ArrayList<>();
        for (ClinicalSection s : source.sections()) {
            boolean pdfCopy = levelOneCarriesPdf && s.code() != null && PDF_COPY.equals(s.code().code())
                    && source.pdf().isPresent();
            if (!HANDLED.contains(s.kind()) && !isComment(s) && !pdfCopy
                    && (s.hasNarrativeText() || !s.entries().isEmpty())) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Entries of the sections the outputs handle that are not what those outputs model there (a device supply that
     * is not a prescription, a statement without its mood, an act that is not an observation among the vital
     * signs…): every output reports them as not carried rather than dropping them.
     */
    public static List<TranslationReport.NotCarried> unmodelledEntries(CdaDocument source, String output) {
        List<TranslationReport.NotCarried> out = new ArrayList<>();
        for (ClinicalSection s : source.sections()) {
            for (ClinicalEntry e : s.entries()) {
                boolean modelled = switch (s.kind()) {
                    case PRESCRIPTIONS -> e instanceof ClinicalEntry.PrescriptionLine;
                    case DEVICES -> e instanceof ClinicalEntry.DeviceRequest;
                    case PREGNANCY, VITAL_SIGNS -> e instanceof ClinicalEntry.Observation;
                    default -> true;
                };
                if (!modelled) {
                    String what = e instanceof ClinicalEntry.UnmodelledEntry u ? u.act() + " statement"
                            : e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
                    out.add(new TranslationReport.NotCarried(e.source().xpath(), what + " in the "
                            + s.kind().englishTitle() + " section",
                            "the " + output + " models no such statement there"));
                }
            }
        }
        return out;
    }

    /** "section 57723-9 (Code 2D de la prescription)": how a report names a section. */
    public static String describe(ClinicalSection s) {
        String code = s.code() != null ? s.code().code() : s.kind().loinc();
        return "section " + code + (s.title() == null ? "" : " (" + s.title() + ")");
    }

    private static boolean isComment(ClinicalSection s) {
        return s.code() != null && COMMENT.equals(s.code().code());
    }
}

package fr.passerelle.gateway.translation;

import fr.passerelle.gateway.terminology.PackagedTerminologyData;

import fr.passerelle.gateway.cli.OperatorCommand;
import fr.passerelle.terminology.Terminology;
import fr.passerelle.terminology.TerminologyCatalogue;
import fr.passerelle.terminology.TerminologyLoadException;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationFailure;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CodedValue;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code translate --to pivot|fhir-ips|fhir-mpd|fhir-lab|orcd [--lang de] [--terminology DIR] FILE}: writes the translated
 * document to standard output and the transcoding report to standard error; exit 1 when the document cannot
 * be translated. Runs without Spring.
 */
public final class TranslateCommand implements OperatorCommand {

    @Override
    public String name() {
        return "translate";
    }

    @Override
    public String summary() {
        return "translate a French CDA to the eHDSI pivot or FHIR; report codes mapped and unmapped";
    }

    @Override
    public String usage() {
        return """
                usage: translate --to pivot|fhir-ips|fhir-mpd|fhir-lab|orcd [--lang LANG] [--terminology DIR] [--level1 FILE] FILE
                  --to pivot      French PS (VSM 1.4, IPS-FR 2024.01) or eP-MED-DM to the eHDSI pivot CDA (level 3)
                  --to fhir-ips   French PS to an International Patient Summary document Bundle (JSON)
                  --to fhir-mpd   French eP-MED-DM to MedicationRequests in the HL7 Europe MPD shape (JSON Bundle)
                  --to fhir-lab   French CR-BIO with structured results to a FHIR laboratory report document
                                  Bundle (JSON; microbiology isolates are reported as not carried)
                  --to orcd       French CR-BIO, LDL-SES or CR-IMG to the eHDSI Original Clinical Document (PDF body)
                  --lang LANG     displays of transcoded codes in this language where the terminology has them
                  --terminology DIR  terminology folder; default: the data packaged in this jar
                  --level1 FILE   with --to pivot, also write the level-1 (PDF) pivot there when the source embeds one
                writes the document to standard output and the transcoding report to standard error
                exit: 0 translated, 1 the document cannot be translated, 2 usage error""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String target = null;
        String language = null;
        Path terminologyDir = null;
        Path levelOne = null;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--to", "--lang", "--terminology", "--level1" -> {
                    if (i + 1 >= args.size()) {
                        return usageError(err, a + " needs a value");
                    }
                    String v = args.get(++i);
                    switch (a) {
                        case "--to" -> target = v;
                        case "--lang" -> language = v;
                        case "--terminology" -> terminologyDir = Path.of(v);
                        default -> levelOne = Path.of(v);
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        return usageError(err, "unknown option " + a);
                    }
                    if (file != null) {
                        return usageError(err, "one document at a time");
                    }
                    file = Path.of(a);
                }
            }
        }
        if (target == null || !List.of("pivot", "fhir-ips", "fhir-mpd", "fhir-lab", "orcd").contains(target)) {
            return usageError(err, "--to must be pivot, fhir-ips, fhir-mpd, fhir-lab or orcd");
        }
        if (file == null) {
            return usageError(err, "no document given");
        }
        if (!Files.isRegularFile(file)) {
            err.println("no such document: " + file);
            return 2;
        }
        byte[] document;
        try {
            document = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        Terminology terminology;
        try {
            terminology = TerminologyData.load(terminologyDir);
        } catch (TerminologyLoadException | IOException | RuntimeException e) {
            err.println("terminology not loaded: " + e.getMessage());
            return 1;
        }
        DocumentTranslator translator = new DocumentTranslator(terminology);
        CdaDocument source;
        try {
            source = translator.read(document);
        } catch (TranslationException unreadable) {
            return notTranslated(err, unreadable.failure());
        }
        err.print(describe(source));
        TranslationOutcome outcome = switch (target) {
            case "pivot" -> translator.toPivot(source, language);
            case "fhir-ips" -> translator.toFhirIps(source, language);
            // The OrCD renders the original from its bytes when it carries no PDF copy of itself.
            case "orcd" -> translator.toOrcd(document, language);
            // LOINC is not transcoded: the lab report keeps the French displays whatever --lang says.
            case "fhir-lab" -> translator.toLabReportBundle(document);
            default -> translator.toFhirMpd(source, language);
        };
        if (outcome instanceof TranslationOutcome.Rejected rejected) {
            return notTranslated(err, rejected.failure());
        }
        TranslationOutcome.Translated translated = (TranslationOutcome.Translated) outcome;
        out.print(translated.document());
        out.flush();
        if (levelOne != null) {
            if (translated.levelOne().isEmpty()) {
                err.println("WARNING  no level-1 document: the source embeds no PDF");
            } else {
                try {
                    Files.writeString(levelOne, translated.levelOne().get());
                } catch (IOException e) {
                    err.println("cannot write " + levelOne + ": " + e.getMessage());
                    return 1;
                }
            }
        }
        err.print(translated.report().toText());
        return 0;
    }

    private static int notTranslated(PrintStream err, TranslationFailure failure) {
        err.println("NOT TRANSLATED: " + failure.message());
        err.println("  at " + failure.xpath());
        return 1;
    }

    /**
     * What the source is, as the French document says it: its format (by template), its own document type code
     * (a discharge letter's LOINC 74207-2, a VSM's SYNTH) and whether it embeds a PDF, wherever that is.
     */
    static String describe(CdaDocument source) {
        CodedValue type = source.header().documentCode();
        StringBuilder out = new StringBuilder("SOURCE   ").append(source.format().name().replace('_', '-'))
                .append(" document, type ");
        if (type == null || !type.isCoded()) {
            out.append("not coded");
        } else {
            out.append(type.codeSystem()).append('|').append(type.code());
            if (type.displayName() != null) {
                out.append(" (").append(type.displayName()).append(')');
            }
        }
        out.append('\n').append("SOURCE   embedded PDF: ");
        source.pdf().ifPresentOrElse(pdf -> out.append("yes, ").append(pdf.decodedSize()).append(" bytes, at ")
                .append(pdf.source().xpath()), () -> out.append("none"));
        return out.append('\n').toString();
    }

    /** Loads the terminology from a folder, or from the copy packaged in the jar (extracted to a temporary folder). */
    static final class TerminologyData {

        private TerminologyData() {
        }

        static Terminology load(Path dir) throws TerminologyLoadException, IOException {
            if (dir != null) {
                return TerminologyCatalogue.load(dir);
            }
            Path temp = Files.createTempDirectory("passerelle-translate");
            try {
                return TerminologyCatalogue.load(PackagedTerminologyData.extractTo(temp.resolve("terminology")));
            } finally {
                PackagedTerminologyData.deleteQuietly(temp);
            }
        }
    }
}

package fr.passerelle.translation.fhir;

import fr.passerelle.terminology.CodeSystems;
import fr.passerelle.terminology.Coding;
import fr.passerelle.terminology.Terminology;
import fr.passerelle.terminology.TranscodingResult;
import fr.passerelle.translation.TranslationReport;
import fr.passerelle.translation.TranslationReport.MappedCode;
import fr.passerelle.translation.TranslationReport.UnmappedCode;
import fr.passerelle.translation.cda.CodedValue;
import fr.passerelle.translation.ehdsi.PivotTranscoder;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * Turns a source code into a FHIR CodeableConcept: the MVC/IPS code first (transcoded through the
 * terminology), the national code kept as a second coding; an unmappable code stays national and is reported.
 */
final class FhirCodes {

    private final Terminology terminology;
    private final String language;
    private final TranslationReport.Builder report;

    FhirCodes(Terminology terminology, String language, TranslationReport.Builder report) {
        this.terminology = terminology;
        this.language = language;
        this.report = report;
    }

    /**
     * @param where FHIRPath-like location of the element in the output, for the report
     */
    CodeableConcept concept(CodedValue source, String valueSetOid, String where, boolean required) {
        CodeableConcept cc = new CodeableConcept();
        if (source == null || !source.isCoded()) {
            return null;
        }
        Coding original = new Coding(source.codeSystem(), source.code(), source.displayName());
        TranscodingResult result = terminology.transcode(original, valueSetOid);
        if (result instanceof TranscodingResult.NotTranscoded) {
            for (CodedValue t : source.translations()) {
                if (t.isCoded()) {
                    TranscodingResult via = terminology.transcode(new Coding(t.codeSystem(), t.code(), t.displayName()), valueSetOid);
                    if (via instanceof TranscodingResult.Transcoded tr) {
                        result = PivotTranscoder.viaSourceTranslation(tr, original);
                        break;
                    }
                }
            }
        }
        if (result instanceof TranscodingResult.Transcoded t) {
            Coding pivot = t.pivot();
            String display = pivot.display();
            if (language != null) {
                display = terminology.translate(pivot, language).orElse(display);
            }
            cc.addCoding(new org.hl7.fhir.r4.model.Coding(CodeSystems.canonicalUri(pivot.system()), pivot.code(), display));
            boolean same = pivot.canonicalSystem().equals(original.canonicalSystem()) && pivot.code().equals(original.code());
            if (!same) {
                cc.addCoding(fhir(original));
            }
            report.mapped(new MappedCode(where, valueSetOid, source.codeSystem(), source.code(),
                    pivot.systemOid().orElse(pivot.system()), pivot.code(), t.equivalence(), t.provenance()));
        } else {
            TranscodingResult.NotTranscoded n = (TranscodingResult.NotTranscoded) result;
            cc.addCoding(fhir(original));
            report.unmapped(new UnmappedCode(where, source.source() == null ? null : source.source().xpath(), valueSetOid,
                    source.codeSystem(), source.code(), n.failure().reason() + " (eHDSI " + n.failure().ehdsiCode() + ")",
                    required));
        }
        cc.setText(source.displayName());
        return cc;
    }

    /** A code kept as the source wrote it (identifiers such as the CIS product code), no value set. */
    static org.hl7.fhir.r4.model.Coding fhir(Coding c) {
        return new org.hl7.fhir.r4.model.Coding(CodeSystems.canonicalUri(c.system()), c.code(), c.display());
    }

    static CodeableConcept asIs(CodedValue source) {
        if (source == null || !source.isCoded()) {
            return null;
        }
        CodeableConcept cc = new CodeableConcept();
        cc.addCoding(fhir(new Coding(source.codeSystem(), source.code(), source.displayName())));
        return cc;
    }
}

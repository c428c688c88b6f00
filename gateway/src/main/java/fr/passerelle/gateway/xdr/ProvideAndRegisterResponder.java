package fr.passerelle.gateway.xdr;

import fr.passerelle.gateway.exchange.CrossBorderCall;
import fr.passerelle.gateway.exchange.DispensationDiscard;
import fr.passerelle.gateway.exchange.DispensationRecording;
import fr.passerelle.gateway.healthspace.FrenchDispensation;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.exchange.ExchangeRefusal;
import fr.passerelle.gateway.soap.MalformedRequest;
import fr.passerelle.gateway.soap.RequestSecurity;
import fr.passerelle.gateway.soap.XuaServiceProvider;
import fr.passerelle.terminology.Terminology;
import fr.passerelle.gateway.exchange.TranslationDefects;
import fr.passerelle.translation.DocumentTranslator;
import fr.passerelle.translation.TranslationException;
import fr.passerelle.translation.TranslationOutcome;
import fr.passerelle.gateway.exchange.DispensedMedicine;
import fr.passerelle.translation.cda.CdaDocument;
import fr.passerelle.translation.cda.CdaReader;
import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.SectionKind;
import fr.passerelle.trust.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * The XDR road: trust (TRC patient = submission patient), then each eHDSI eDispensation is turned into a French
 * eDISP-MED by {@code translation} and every dispensed line is recorded through the exchange (access policy →
 * health space → audit) with that document. The dispensation id is the eDispensation's ClinicalDocument/id (per
 * line when it dispenses several: {@code id#n}), so a resubmission is recognised and answered like the first, and a
 * discard — an ITI-41 carrying the same document under class code {@code DISCARD-60593-1}, as OpenNCP sends it —
 * names the dispensations it undoes.
 */
@Component
public class ProvideAndRegisterResponder implements DispensationRoad {

    /** The audit trail's reasons for a submission refused before the use cases. */
    static final String PATIENT_NOT_INS_RULE = "PATIENT_ID_NOT_INS";
    static final String UNREADABLE_RULE = "EDISPENSATION_UNREADABLE";
    static final String UNTRANSLATABLE_RULE = "EDISPENSATION_NOT_TRANSLATED";

    private final XuaServiceProvider trust;
    private final DispensationRecording recording;
    private final DispensationDiscard discard;
    private final DocumentTranslator translator;
    private final EDispensationReader reader = new EDispensationReader();
    private final CdaReader cdaReader = new CdaReader();

    public ProvideAndRegisterResponder(XuaServiceProvider trust, DispensationRecording recording,
                                   DispensationDiscard discard, ObjectProvider<DocumentTranslator> translator,
                                   Terminology terminology) {
        this.trust = trust;
        this.recording = recording;
        this.discard = discard;
        this.translator = translator.getIfAvailable(() -> new DocumentTranslator(terminology));
    }

    @Override
    public DispensationOutcome respond(RequestSecurity security, DispensationSubmission submission) {
        return trust.check(security, Transaction.XDR, Optional.of(submission.patientId().toCx()))
                .fold(DispensationOutcome.Untrusted::new, DispensationOutcome.Refused::new,
                        call -> record(call, submission));
    }

    private DispensationOutcome record(CrossBorderCall call, DispensationSubmission submission) {
        Optional<Ins> ins = Ins.of(submission.patientId().asCx());
        if (ins.isEmpty()) {
            return refused(call, PATIENT_NOT_INS_RULE, new ExchangeRefusal(ExchangeError.ERROR_PI_NO_MATCH, null));
        }
        Ins patient = ins.get();
        if (submission.isDiscard()) {
            return discard(call, patient, submission);
        }
        for (SubmittedDocument document : submission.documents()) {
            Document dom;
            List<DispensedItem> items;
            String dispensationId;
            try {
                // One hardened parse: what France reads and what it translates are the same DOM.
                dom = reader.parse(document.content());
                items = reader.read(dom);
                dispensationId = reader.documentId(dom);
            } catch (MalformedRequest unreadable) {
                return refused(call, UNREADABLE_RULE, new ExchangeRefusal(
                        ExchangeError.ERROR_ED_EPRESCRIPTION_NOT_IDENTIFIABLE, unreadable.getMessage()));
            }
            // The eDispensation as the translation reads it: translated, and its dispensed medicines checked.
            AtomicReference<CdaDocument> read = new AtomicReference<>();
            java.util.Optional<TranslationOutcome> answered = TranslationDefects.guarded("eDispensation to eDISP-MED",
                    () -> translate(dom, read));
            if (answered.isEmpty()) {
                return refused(call, UNTRANSLATABLE_RULE, TranslationDefects.refusal());
            }
            TranslationOutcome french = answered.get();
            if (!(french instanceof TranslationOutcome.Translated translated)) {
                return refused(call, UNTRANSLATABLE_RULE, new ExchangeRefusal(ExchangeError.ERROR_TRANSCODING_ERROR,
                        "The eDispensation cannot be turned into a French eDISP-MED document"));
            }
            byte[] edispMed = translated.document().getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < items.size(); i++) {
                DispensedItem item = items.get(i);
                String id = lineDispensationId(dispensationId, items.size(), i);
                var outcome = recording.record(call, patient, new FrenchDispensation(id, item.prescriptionId(),
                        item.prescriptionLineId(), item.dispensedAt(), call.requester().organisation(), edispMed),
                        dispensedMedicine(read.get(), item.prescriptionLineId()));
                if (outcome instanceof fr.passerelle.gateway.exchange.DispensationOutcome.Refused refused) {
                    return new DispensationOutcome.Refused(XuaServiceProvider.refusalOf(refused.refusal()));
                }
            }
        }
        return new DispensationOutcome.Stored();
    }

    private DispensationOutcome discard(CrossBorderCall call, Ins patient, DispensationSubmission submission) {
        List<String> ids = new ArrayList<>();
        for (SubmittedDocument document : submission.documents()) {
            try {
                Document dom = reader.parse(document.content());
                int lines = reader.read(dom).size();
                String dispensationId = reader.documentId(dom);
                for (int i = 0; i < lines; i++) {
                    ids.add(lineDispensationId(dispensationId, lines, i));
                }
            } catch (MalformedRequest unreadable) {
                return refused(call, UNREADABLE_RULE, new ExchangeRefusal(ExchangeError.ERROR_ED_DISCARD_FAILED,
                        unreadable.getMessage()));
            }
        }
        DispensationDiscard.Outcome outcome = discard.discard(call, patient, ids);
        if (outcome instanceof DispensationDiscard.Refused refused) {
            return new DispensationOutcome.Refused(XuaServiceProvider.refusalOf(refused.refusal()));
        }
        return new DispensationOutcome.Stored();
    }

    private TranslationOutcome translate(Document dispensation, AtomicReference<CdaDocument> read) {
        try {
            read.set(cdaReader.read(dispensation));
            return translator.toEdispMed(read.get());
        } catch (TranslationException e) {
            return new TranslationOutcome.Rejected(e.failure());
        }
    }

    /** The medicine the eDispensation hands over for this prescribed line, as the translation read it. */
    private static Optional<DispensedMedicine> dispensedMedicine(CdaDocument dispensation, String prescriptionLineId) {
        return dispensation.entries(SectionKind.DISPENSED).stream()
                .filter(ClinicalEntry.DispensedLine.class::isInstance).map(ClinicalEntry.DispensedLine.class::cast)
                .filter(line -> prescriptionLineId.equals(line.prescriptionLineId()))
                .findFirst().map(line -> DispensedMedicine.of(line.product(), line.substituted()));
    }

    /** Audited (without a patient) before it is answered. */
    private DispensationOutcome refused(CrossBorderCall call, String rule, ExchangeRefusal refusal) {
        return new DispensationOutcome.Refused(XuaServiceProvider.refusalOf(recording.refusedUnread(call, rule, refusal)));
    }

    /** One dispensation per dispensed line: the document's id, suffixed with the line's rank when there are several. */
    private static String lineDispensationId(String documentId, int lines, int index) {
        return lines == 1 ? documentId : documentId + "#" + (index + 1);
    }
}

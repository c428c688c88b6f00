package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.ihe.ebxml.query.AdhocQueryResponse;
import fr.passerelle.gateway.healthspace.HealthSpaceCaller;
import fr.passerelle.gateway.healthspace.DiscardReceipt;
import fr.passerelle.gateway.healthspace.DiscardRefusedException;
import fr.passerelle.gateway.healthspace.DispensationReceipt;
import fr.passerelle.gateway.healthspace.DispensationRefusedException;
import fr.passerelle.gateway.healthspace.DispensationRefusedException.Reason;
import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.FrenchDispensation;
import fr.passerelle.gateway.healthspace.FrenchPatient;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.hl7.Cx;
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.PatientControls;
import fr.passerelle.gateway.healthspace.PatientSearch;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import fr.passerelle.gateway.healthspace.StoredDocument;
import fr.passerelle.trust.VerifiedRequester;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * The national health space as the DMP serves it. Every call is made on behalf of the foreign practitioner bound by
 * {@link HealthSpaceCaller} (their VIHF), through {@link DmpResilience}. The DMP applies the patient's own rules
 * (blocked professionals, opposition to emergency access, masking towards professionals) itself and refuses or
 * filters accordingly, so {@link #controls(Ins)} reports neutral controls and refusals come back as
 * {@link DmpFailure} of kind {@code ACCESS_REFUSED}.
 */
public class DmpNationalHealthSpace implements NationalHealthSpace {

    private static final Logger LOG = LoggerFactory.getLogger(DmpNationalHealthSpace.class);

    private final DmpProperties properties;
    private final DmpSoapClient soap;
    private final VihfIssuer vihf;
    private final DmpResilience resilience;
    private final Clock clock;
    private final AtomicLong submissionSequence = new AtomicLong();

    public DmpNationalHealthSpace(DmpProperties properties, DmpSoapClient soap, VihfIssuer vihf,
                                  DmpResilience resilience, Clock clock) {
        this.properties = properties;
        this.soap = soap;
        this.vihf = vihf;
        this.resilience = resilience;
        this.clock = clock;
    }

    @Override
    public Optional<FrenchPatient> findPatient(Ins ins) {
        Element request = PatientCheckMessages.request(ins, properties.identity().sourceId(), clock.instant());
        DmpAnswer answer = exchange(DmpOperation.PATIENT_CHECK, properties.patientServiceUrl(), ins, request,
                Map.of());
        PatientCheckMessages.DmpRecord record = PatientCheckMessages.read(answer.payload(), ins);
        if (record instanceof PatientCheckMessages.Record found && found.open()) {
            return Optional.of(found.patient());
        }
        return Optional.empty();
    }

    /**
     * The DMP is reached by INS only: it offers no search by demographic traits (that is the INSi teleservice's
     * job, outside this connector). A traits-only search therefore finds no one here.
     */
    @Override
    public List<FrenchPatient> findPatients(PatientSearch demographics) {
        LOG.debug("DMP cannot search by demographic traits; answering no match");
        return List.of();
    }

    @Override
    public List<DocumentEntry> documents(Ins ins, DocumentKind kind) {
        return find(ins, kind).stream().map(DmpEntry::entry)
                .sorted(Comparator.comparing(DocumentEntry::creationTime).reversed())
                .toList();
    }

    @Override
    public Optional<StoredDocument> retrieve(String documentUniqueId) {
        Ins patient = treatedPatient(DmpOperation.GET_DOCUMENTS);
        return entry(patient, documentUniqueId).map(found -> new StoredDocument(found.entry(), fetch(patient, found)));
    }

    /** Metadata alone (GetDocuments): a retrieve whose translation is cached must not download the document. */
    @Override
    public Optional<DocumentEntry> entry(String documentUniqueId) {
        return entry(treatedPatient(DmpOperation.GET_DOCUMENTS), documentUniqueId).map(DmpEntry::entry);
    }

    @Override
    public List<PrescriptionLine> prescriptionLines(String prescriptionUniqueId) {
        Ins patient = treatedPatient(DmpOperation.GET_DOCUMENTS);
        Optional<DmpEntry> prescription = entry(patient, prescriptionUniqueId)
                .filter(e -> e.entry().kind() == DocumentKind.EPRESCRIPTION);
        if (prescription.isEmpty()) {
            return List.of();
        }
        return lines(patient, prescription.get());
    }

    /** Neutral: the DMP enforces the patient's controls on each call (see the class comment). */
    @Override
    public PatientControls controls(Ins ins) {
        return PatientControls.NONE;
    }

    /**
     * Deletes the eDISP-MED registered for this dispensation (the DMP's TD3.3c "suppression", an ITI-57 that moves
     * the entry to {@code urn:asip:ci-sis:2010:StatusType:Deleted}; see {@link DeletionMessage}). The prescription
     * item is then dispensable again with nothing else to do: an item counts as dispensed only while an
     * {@code Approved} eDISP-MED names it ({@link #prescriptionLines}). Only an eDISP-MED of this patient is ever
     * deleted; one already deleted is acknowledged again without a second update. The DMP lets only the document's
     * author delete it and refuses otherwise (a failure of kind {@code ACCESS_REFUSED}).
     */
    @Override
    public DiscardReceipt discardDispensation(Ins ins, String dispensationId) {
        List<DmpEntry> registered = entries(ins, dispensationId);
        DmpEntry dispensation = registered.stream()
                .filter(e -> e.entry().patient().equals(ins) && e.entry().kind() == DocumentKind.EDISPENSATION)
                .findFirst()
                .orElseThrow(() -> registered.isEmpty()
                        ? new DiscardRefusedException(DiscardRefusedException.Reason.UNKNOWN_DISPENSATION,
                                "the DMP holds no dispensation under this id")
                        : new DiscardRefusedException(registered.stream().anyMatch(e -> !e.entry().patient().equals(ins))
                                ? DiscardRefusedException.Reason.OTHER_PATIENT
                                : DiscardRefusedException.Reason.UNKNOWN_DISPENSATION,
                                "the document under this id is not a dispensation of this patient"));
        if (dispensation.deleted()) {
            return new DiscardReceipt(dispensationId, null, null, true);
        }
        if (dispensation.entryUuid() == null) {
            throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, DmpOperation.GET_DOCUMENTS,
                    "document entry without registry id");
        }
        String author = ProvideAndRegisterMessage.authorPerson(
                HealthSpaceCaller.current().map(VerifiedRequester::organisation).orElse(""),
                HealthSpaceCaller.current().map(VerifiedRequester::country).orElse(""));
        Element request = DeletionMessage.request(ins, dispensation.entryUuid(), author, properties.identity(),
                submissionSetId(), clock.instant());
        DmpAnswer answer = exchange(DmpOperation.UPDATE_DOCUMENT_SET, properties.registryUrl(), ins, request,
                Map.of());
        XdsAnswerStatus.of(answer, DmpOperation.UPDATE_DOCUMENT_SET).requireSuccess(DmpOperation.UPDATE_DOCUMENT_SET);
        return new DiscardReceipt(dispensationId, null, null, false);
    }

    @Override
    public DispensationReceipt submitDispensation(Ins ins, FrenchDispensation dispensation) {
        Optional<DmpEntry> already = entry(ins, dispensation.id());
        if (already.isPresent()) {
            return new DispensationReceipt(dispensation.id(), dispensation.prescriptionId(),
                    dispensation.prescriptionLineId(), already.get().entry().creationTime(), true);
        }
        DmpEntry prescription = entry(ins, dispensation.prescriptionId())
                .filter(e -> e.entry().kind() == DocumentKind.EPRESCRIPTION)
                .orElseThrow(() -> new DispensationRefusedException(Reason.UNKNOWN_PRESCRIPTION,
                        "the DMP holds no such ePrescription for this patient"));
        PrescriptionLine line = lines(ins, prescription).stream()
                .filter(l -> l.lineId().equals(dispensation.prescriptionLineId())).findFirst()
                .orElseThrow(() -> new DispensationRefusedException(Reason.UNKNOWN_LINE,
                        "the ePrescription has no such item"));
        if (line.dispensed()) {
            throw new DispensationRefusedException(Reason.ALREADY_DISPENSED, "the item was already dispensed");
        }
        String country = HealthSpaceCaller.current().map(VerifiedRequester::country).orElse("");
        ProvideAndRegisterMessage message = ProvideAndRegisterMessage.of(ins, dispensation, properties.identity(),
                country, submissionSetId(), clock.instant());
        DmpAnswer answer = exchange(DmpOperation.PROVIDE_AND_REGISTER, properties.repositoryUrl(), ins,
                message.request(), message.attachments());
        XdsAnswerStatus status = XdsAnswerStatus.of(answer, DmpOperation.PROVIDE_AND_REGISTER);
        boolean duplicate = status.has(DmpErrorCodes.Meaning.ALREADY_REGISTERED);
        if (!duplicate) {
            status.requireSuccess(DmpOperation.PROVIDE_AND_REGISTER);
        }
        return new DispensationReceipt(dispensation.id(), dispensation.prescriptionId(),
                dispensation.prescriptionLineId(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                duplicate);
    }

    private List<DmpEntry> find(Ins ins, DocumentKind kind) {
        AdhocQueryResponse answer = query(DmpOperation.FIND_DOCUMENTS, ins,
                XdsQueries.findDocuments(ins, DmpDocumentKinds.typeCodes(kind)));
        XdsAnswerStatus status = XdsAnswerStatus.of(answer, DmpOperation.FIND_DOCUMENTS);
        if (status.has(DmpErrorCodes.Meaning.UNKNOWN_PATIENT)) {
            return List.of();
        }
        status.requireSuccess(DmpOperation.FIND_DOCUMENTS);
        return XdsMetadataReader.entries(answer, DmpOperation.FIND_DOCUMENTS).stream()
                .filter(e -> e.entry().kind() == kind && e.entry().patient().equals(ins))
                .toList();
    }

    /** The entry with this unique id, if it is the patient's (another patient's entry is not theirs to see). */
    private Optional<DmpEntry> entry(Ins patient, String uniqueId) {
        return entries(patient, uniqueId).stream().filter(e -> e.entry().patient().equals(patient)).findFirst();
    }

    /** GetDocuments of one unique id, in the patient's DMP: the entries the DMP answers with this id. */
    private List<DmpEntry> entries(Ins patient, String uniqueId) {
        AdhocQueryResponse answer = query(DmpOperation.GET_DOCUMENTS, patient, XdsQueries.getDocuments(uniqueId));
        XdsAnswerStatus.of(answer, DmpOperation.GET_DOCUMENTS).requireSuccess(DmpOperation.GET_DOCUMENTS);
        return XdsMetadataReader.entries(answer, DmpOperation.GET_DOCUMENTS).stream()
                .filter(e -> e.entry().uniqueId().equals(uniqueId))
                .toList();
    }

    private byte[] fetch(Ins patient, DmpEntry found) {
        DmpOperation operation = DmpOperation.RETRIEVE_DOCUMENT;
        if (found.repositoryUniqueId() == null) {
            throw new DmpFailure(DmpFailure.Kind.MALFORMED_RESPONSE, operation, "entry without repositoryUniqueId");
        }
        DmpAnswer answer = exchange(operation, properties.repositoryUrl(), patient,
                RetrieveMessages.request(found.repositoryUniqueId(), found.entry().uniqueId()), Map.of());
        byte[] content = RetrieveMessages.document(answer, found.entry().uniqueId());
        // The registry's hash and size are what the author registered: a mismatch means the bytes are not theirs.
        if (!ProvideAndRegisterMessage.sha1(content).equals(found.entry().sha1())
                || found.entry().size() >= 0 && found.entry().size() != content.length) {
            throw new DmpFailure(DmpFailure.Kind.INTEGRITY, operation,
                    "retrieved document does not match its registered hash or size");
        }
        return content;
    }

    private List<PrescriptionLine> lines(Ins patient, DmpEntry prescription) {
        String prescriptionId = prescription.entry().uniqueId();
        List<String> lineIds = PharmacyDocuments.prescriptionLines(fetch(patient, prescription),
                DmpOperation.RETRIEVE_DOCUMENT);
        Map<String, String> dispensedBy = new HashMap<>();
        for (DmpEntry dispensation : find(patient, DocumentKind.EDISPENSATION)) {
            if (dispensation.entry().creationTime().isBefore(prescription.entry().creationTime())) {
                continue; // dispensed before this prescription existed: cannot be one of its items
            }
            for (PharmacyDocuments.DispensedItem item : PharmacyDocuments.dispensedItems(
                    fetch(patient, dispensation), DmpOperation.RETRIEVE_DOCUMENT)) {
                if (item.prescriptionId().equals(prescriptionId)) {
                    dispensedBy.putIfAbsent(item.lineId(), dispensation.entry().uniqueId());
                }
            }
        }
        return lineIds.stream().map(id -> new PrescriptionLine(prescriptionId, id, dispensedBy.get(id))).toList();
    }

    /** An ITI-18 stored query to the registry, its answer read as the protocol model. */
    private AdhocQueryResponse query(DmpOperation operation, Ins patient, Element request) {
        return XdsModel.read(exchange(operation, properties.registryUrl(), patient, request, Map.of()),
                AdhocQueryResponse.class, operation);
    }

    private DmpAnswer exchange(DmpOperation operation, String url, Ins patient, Element payload,
                               Map<String, byte[]> attachments) {
        VerifiedRequester requester = HealthSpaceCaller.current().orElseThrow(() -> new DmpFailure(
                DmpFailure.Kind.NO_REQUESTER, operation, "no verified requester bound to this call"));
        return resilience.call(operation,
                () -> soap.call(operation, url, payload, vihf.issue(requester, patient, operation), attachments));
    }

    /** The patient of the requester's TRC assertion: document ids alone do not say whose DMP to open. */
    private static Ins treatedPatient(DmpOperation operation) {
        VerifiedRequester requester = HealthSpaceCaller.current().orElseThrow(() -> new DmpFailure(
                DmpFailure.Kind.NO_REQUESTER, operation, "no verified requester bound to this call"));
        String id = requester.treatedPatientId().orElseThrow(() -> new DmpFailure(DmpFailure.Kind.NO_REQUESTER,
                operation, "the requester has no treatment confirmation naming the patient"));
        try {
            return parsePatient(id);
        } catch (IllegalArgumentException e) {
            throw new DmpFailure(DmpFailure.Kind.ACCESS_REFUSED, operation, "the treated patient is not an INS", e);
        }
    }

    /** {@code value^^^&oid&ISO} (CX) or {@code oid^value}, read as the TRC patient everywhere else is. */
    static Ins parsePatient(String id) {
        Cx.Reading reading = Cx.read(id, Cx.Rules.LENIENT_OR_ROOT_CARET_ID);
        if (reading instanceof Cx.Refused refused) {
            throw new IllegalArgumentException("The patient id " + refused.refusal().explanation());
        }
        return Ins.of(reading.cx().orElseThrow())
                .orElseThrow(() -> new IllegalArgumentException("The patient id is not an INS"));
    }

    private String submissionSetId() {
        String root = properties.identity().uniqueIdRoot();
        return root + "." + clock.millis() + "." + submissionSequence.incrementAndGet();
    }
}

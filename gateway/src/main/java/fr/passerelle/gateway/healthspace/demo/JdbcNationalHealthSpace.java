package fr.passerelle.gateway.healthspace.demo;

import fr.passerelle.gateway.healthspace.AdministrativeGender;
import fr.passerelle.gateway.healthspace.Code;
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
import fr.passerelle.gateway.healthspace.NationalHealthSpace;
import fr.passerelle.gateway.healthspace.PatientControls;
import fr.passerelle.gateway.healthspace.PatientSearch;
import fr.passerelle.gateway.healthspace.PostalAddress;
import fr.passerelle.gateway.healthspace.PrescriptionLine;
import fr.passerelle.gateway.healthspace.ServicePeriod;
import fr.passerelle.gateway.healthspace.StoredDocument;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The health space on the V1 tables (demo data, or any data loaded the same way). Portable SQL only. */
public class JdbcNationalHealthSpace implements NationalHealthSpace {

    private static final String DOCUMENT_COLUMNS = "unique_id, ins_oid, ins_value, kind, class_code, "
            + "class_code_system, class_display, type_code, type_code_system, type_display, format_code, "
            + "format_code_system, format_display, creation_time, author, title, mime_type, sha1, size_bytes, "
            + "language_code, service_start, service_stop";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcNationalHealthSpace(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    @Override
    public Optional<FrenchPatient> findPatient(Ins ins) {
        return jdbc.sql("SELECT * FROM hs_patient WHERE ins_oid = ? AND ins_value = ?")
                .params(ins.oid(), ins.value())
                .query(JdbcNationalHealthSpace::patient)
                .optional();
    }

    @Override
    public List<FrenchPatient> findPatients(PatientSearch search) {
        StringBuilder sql = new StringBuilder("SELECT * FROM hs_patient WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (search.familyName() != null && !search.familyName().isBlank()) {
            sql.append(" AND search_family = ?");
            params.add(SearchableName.of(search.familyName()));
        }
        if (search.givenName() != null && !search.givenName().isBlank()) {
            // Any of the given names matches, so "Marie" finds ELODIE MARIE.
            sql.append(" AND (' ' || search_given || ' ') LIKE ?");
            params.add("% " + SearchableName.of(search.givenName()) + " %");
        }
        if (search.birthDate() != null) {
            sql.append(" AND birth_date = ?");
            params.add(search.birthDate());
        }
        if (search.gender() != null) {
            sql.append(" AND gender = ?");
            params.add(search.gender().code());
        }
        sql.append(" ORDER BY family_name, given_names, ins_value");
        return jdbc.sql(sql.toString()).params(params).query(JdbcNationalHealthSpace::patient).list();
    }

    @Override
    public List<DocumentEntry> documents(Ins ins, DocumentKind kind) {
        List<DocumentEntry> entries = jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM hs_document"
                        + " WHERE ins_oid = ? AND ins_value = ? AND kind = ? ORDER BY creation_time DESC, unique_id")
                .params(ins.oid(), ins.value(), kind.name())
                .query((rs, row) -> entry(rs, List.of()))
                .list();
        if (entries.isEmpty()) {
            return entries;
        }
        Map<String, List<Code>> confidentiality = confidentiality(ins);
        return entries.stream()
                .map(entry -> withConfidentiality(entry, confidentiality.getOrDefault(entry.uniqueId(), List.of())))
                .toList();
    }

    @Override
    public Optional<StoredDocument> retrieve(String documentUniqueId) {
        List<Code> confidentiality = confidentiality(documentUniqueId);
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + ", content FROM hs_document WHERE unique_id = ?")
                .param(documentUniqueId)
                .query((rs, row) -> new StoredDocument(entry(rs, confidentiality), rs.getBytes("content")))
                .optional();
    }

    @Override
    public Optional<DocumentEntry> entry(String documentUniqueId) {
        List<Code> confidentiality = confidentiality(documentUniqueId);
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM hs_document WHERE unique_id = ?")
                .param(documentUniqueId)
                .query((rs, row) -> entry(rs, confidentiality))
                .optional();
    }

    private List<Code> confidentiality(String documentUniqueId) {
        return jdbc.sql("SELECT code, code_system, display FROM hs_document_confidentiality"
                        + " WHERE unique_id = ? ORDER BY code_system, code")
                .param(documentUniqueId)
                .query((rs, row) -> new Code(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Override
    public List<PrescriptionLine> prescriptionLines(String prescriptionUniqueId) {
        return jdbc.sql("SELECT l.prescription_id, l.line_id, l.dispensation_id FROM hs_prescription_line l"
                        + " JOIN hs_document d ON d.unique_id = l.prescription_id"
                        + " WHERE l.prescription_id = ? AND d.kind = ? ORDER BY l.line_order")
                .params(prescriptionUniqueId, DocumentKind.EPRESCRIPTION.name())
                .query((rs, row) -> new PrescriptionLine(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Override
    public PatientControls controls(Ins ins) {
        var blocked = new HashSet<>(jdbc.sql("SELECT professional_id FROM hs_blocked_professional"
                        + " WHERE ins_oid = ? AND ins_value = ?")
                .params(ins.oid(), ins.value())
                .query(String.class)
                .list());
        return jdbc.sql("SELECT opposes_emergency_access, masked_visible_in_emergency FROM hs_patient_controls"
                        + " WHERE ins_oid = ? AND ins_value = ?")
                .params(ins.oid(), ins.value())
                .query((rs, row) -> new PatientControls(blocked, rs.getBoolean(1), rs.getBoolean(2)))
                .optional()
                .orElseGet(() -> new PatientControls(blocked, false, false));
    }

    @Override
    public DispensationReceipt submitDispensation(Ins ins, FrenchDispensation dispensation) {
        try {
            return transactions.execute(status -> record(ins, dispensation));
        } catch (DuplicateKeyException concurrentSameId) {
            // Another request recorded this very dispensation between our check and our insert.
            return previous(ins, dispensation).orElseThrow(() -> concurrentSameId);
        } catch (DispensationRefusedException refused) {
            // The line may have been taken by this very dispensation, committed by a concurrent resubmission.
            if (refused.reason() == Reason.ALREADY_DISPENSED) {
                return previous(ins, dispensation).orElseThrow(() -> refused);
            }
            throw refused;
        }
    }

    private DispensationReceipt record(Ins ins, FrenchDispensation dispensation) {
        Optional<DispensationReceipt> previous = previous(ins, dispensation);
        if (previous.isPresent()) {
            return previous.get();
        }
        var prescription = jdbc.sql("SELECT ins_oid, ins_value, kind FROM hs_document WHERE unique_id = ?")
                .param(dispensation.prescriptionId())
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional()
                .filter(row -> DocumentKind.EPRESCRIPTION.name().equals(row[2]))
                .orElseThrow(() -> new DispensationRefusedException(Reason.UNKNOWN_PRESCRIPTION,
                        "No ePrescription with this id"));
        if (!prescription[0].equals(ins.oid()) || !prescription[1].equals(ins.value())) {
            throw new DispensationRefusedException(Reason.OTHER_PATIENT,
                    "The ePrescription belongs to another patient");
        }
        var line = jdbc.sql("SELECT dispensation_id FROM hs_prescription_line WHERE prescription_id = ? AND line_id = ?")
                .params(dispensation.prescriptionId(), dispensation.prescriptionLineId())
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new DispensationRefusedException(Reason.UNKNOWN_LINE,
                        "The ePrescription has no such line"));
        if (line.isPresent()) {
            throw new DispensationRefusedException(Reason.ALREADY_DISPENSED,
                    "This prescription line was already dispensed");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO hs_dispensation (dispensation_id, ins_oid, ins_value, prescription_id, line_id,"
                        + " dispensed_at, dispenser, document, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(dispensation.id(), ins.oid(), ins.value(), dispensation.prescriptionId(),
                        dispensation.prescriptionLineId(), dispensation.dispensedAt(), dispensation.dispenser(),
                        dispensation.document(), now)
                .update();
        int marked = jdbc.sql("UPDATE hs_prescription_line SET dispensation_id = ?"
                        + " WHERE prescription_id = ? AND line_id = ? AND dispensation_id IS NULL")
                .params(dispensation.id(), dispensation.prescriptionId(), dispensation.prescriptionLineId())
                .update();
        if (marked != 1) {
            throw new DispensationRefusedException(Reason.ALREADY_DISPENSED,
                    "This prescription line was already dispensed");
        }
        return new DispensationReceipt(dispensation.id(), dispensation.prescriptionId(),
                dispensation.prescriptionLineId(), now, false);
    }

    @Override
    public DiscardReceipt discardDispensation(Ins ins, String dispensationId) {
        return transactions.execute(status -> {
            String[] recorded = jdbc.sql("SELECT ins_oid, ins_value, prescription_id, line_id FROM hs_dispensation"
                            + " WHERE dispensation_id = ?")
                    .param(dispensationId)
                    .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)})
                    .optional()
                    .orElseThrow(() -> new DiscardRefusedException(
                            DiscardRefusedException.Reason.UNKNOWN_DISPENSATION,
                            "No dispensation was recorded with this id"));
            if (!recorded[0].equals(ins.oid()) || !recorded[1].equals(ins.value())) {
                throw new DiscardRefusedException(DiscardRefusedException.Reason.OTHER_PATIENT,
                        "The dispensation belongs to another patient");
            }
            // The dispensation row stays (what was dispensed, by whom): only the line's mark is lifted, and only
            // if this dispensation still holds it, so a second discard, concurrent or not, changes nothing.
            int released = jdbc.sql("UPDATE hs_prescription_line SET dispensation_id = NULL"
                            + " WHERE prescription_id = ? AND line_id = ? AND dispensation_id = ?")
                    .params(recorded[2], recorded[3], dispensationId)
                    .update();
            return new DiscardReceipt(dispensationId, recorded[2], recorded[3], released == 0);
        });
    }

    /** The receipt of an already recorded dispensation with this id, if it is the same dispensation. */
    private Optional<DispensationReceipt> previous(Ins ins, FrenchDispensation dispensation) {
        return jdbc.sql("SELECT ins_oid, ins_value, prescription_id, line_id, recorded_at FROM hs_dispensation"
                        + " WHERE dispensation_id = ?")
                .param(dispensation.id())
                .query((rs, row) -> {
                    boolean same = rs.getString(1).equals(ins.oid()) && rs.getString(2).equals(ins.value())
                            && rs.getString(3).equals(dispensation.prescriptionId())
                            && rs.getString(4).equals(dispensation.prescriptionLineId());
                    if (!same) {
                        throw new DispensationRefusedException(Reason.CONFLICTING_RESUBMISSION,
                                "This dispensation id was already used for another prescription line");
                    }
                    if (!holdsItsLine(dispensation)) {
                        throw new DispensationRefusedException(Reason.CONFLICTING_RESUBMISSION,
                                "This dispensation was discarded; a new dispensation needs a new id");
                    }
                    return new DispensationReceipt(dispensation.id(), dispensation.prescriptionId(),
                            dispensation.prescriptionLineId(), utc(rs.getObject(5, OffsetDateTime.class)), true);
                })
                .optional();
    }

    /** A recorded dispensation no longer holds its line once it was discarded. */
    private boolean holdsItsLine(FrenchDispensation dispensation) {
        return jdbc.sql("SELECT COUNT(*) FROM hs_prescription_line"
                        + " WHERE prescription_id = ? AND line_id = ? AND dispensation_id = ?")
                .params(dispensation.prescriptionId(), dispensation.prescriptionLineId(), dispensation.id())
                .query(Integer.class).single() == 1;
    }

    private Map<String, List<Code>> confidentiality(Ins ins) {
        return jdbc.sql("SELECT c.unique_id, c.code, c.code_system, c.display FROM hs_document_confidentiality c"
                        + " JOIN hs_document d ON d.unique_id = c.unique_id"
                        + " WHERE d.ins_oid = ? AND d.ins_value = ? ORDER BY c.code_system, c.code")
                .params(ins.oid(), ins.value())
                .query((rs, row) -> Map.entry(rs.getString(1), new Code(rs.getString(2), rs.getString(3),
                        rs.getString(4))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static DocumentEntry withConfidentiality(DocumentEntry e, List<Code> confidentiality) {
        return new DocumentEntry(e.uniqueId(), e.patient(), e.kind(), e.classCode(), e.typeCode(), e.formatCode(),
                confidentiality, e.creationTime(), e.author(), e.title(), e.mimeType(), e.sha1(), e.size(),
                e.languageCode(), e.service());
    }

    private static DocumentEntry entry(ResultSet rs, List<Code> confidentiality) throws SQLException {
        return new DocumentEntry(rs.getString("unique_id"),
                new Ins(rs.getString("ins_oid"), rs.getString("ins_value")),
                DocumentKind.valueOf(rs.getString("kind")),
                new Code(rs.getString("class_code"), rs.getString("class_code_system"), rs.getString("class_display")),
                new Code(rs.getString("type_code"), rs.getString("type_code_system"), rs.getString("type_display")),
                new Code(rs.getString("format_code"), rs.getString("format_code_system"),
                        rs.getString("format_display")),
                confidentiality,
                utc(rs.getObject("creation_time", OffsetDateTime.class)),
                rs.getString("author"), rs.getString("title"), rs.getString("mime_type"), rs.getString("sha1"),
                rs.getLong("size_bytes"), rs.getString("language_code"),
                ServicePeriod.of(utc(rs.getObject("service_start", OffsetDateTime.class)),
                        utc(rs.getObject("service_stop", OffsetDateTime.class))));
    }

    private static FrenchPatient patient(ResultSet rs, int row) throws SQLException {
        String street = rs.getString("street_line");
        String postalCode = rs.getString("postal_code");
        String city = rs.getString("city");
        PostalAddress address = street == null && postalCode == null && city == null ? null
                : new PostalAddress(street, postalCode, city, rs.getString("country"));
        return new FrenchPatient(new Ins(rs.getString("ins_oid"), rs.getString("ins_value")),
                Arrays.asList(rs.getString("given_names").split(" ")),
                rs.getString("family_name"),
                rs.getObject("birth_date", LocalDate.class),
                AdministrativeGender.fromCode(rs.getString("gender")),
                rs.getString("birth_place"),
                address);
    }

    /** Engines return the zone differently (PostgreSQL: UTC, H2: as stored); answers are always in UTC. */
    private static OffsetDateTime utc(OffsetDateTime value) {
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}

package fr.passerelle.gateway.healthspace.demo;

import fr.passerelle.gateway.healthspace.Code;
import fr.passerelle.gateway.healthspace.Confidentiality;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set into the health-space tables, once: a data set already recorded in {@code hs_seed} is
 * not read again, and rows that already exist are left alone, so restarts and concurrent starts never duplicate.
 */
public class DemoHealthSpaceSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoHealthSpaceSeeder.class);
    private static final Map<String, Code> FRENCH_CONFIDENTIALITY = Stream.of(Confidentiality.MASQUE_PS,
                    Confidentiality.INVISIBLE_PATIENT, Confidentiality.INVISIBLE_REPRESENTANTS_LEGAUX)
            .collect(Collectors.toMap(Code::code, Function.identity()));

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DemoDataResources resources;
    private final CdaHeaderReader headers = new CdaHeaderReader();
    private final Clock clock;

    public DemoHealthSpaceSeeder(DataSource dataSource, DemoDataResources resources, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.resources = resources;
        this.clock = clock;
    }

    /** @return true when this call loaded the data set, false when it was already there */
    public boolean seed() {
        DemoDataSet dataSet = new DemoDataSetReader().read(resources.open("patients.json"));
        if (seeded(dataSet.name())) {
            return false;
        }
        try {
            boolean loaded = Boolean.TRUE.equals(transactions.execute(status -> load(dataSet)));
            if (loaded) {
                LOG.info("Demo health space seeded: data set {}, {} patients", dataSet.name(),
                        dataSet.patients().size());
            }
            return loaded;
        } catch (DuplicateKeyException anotherInstanceSeeded) {
            if (seeded(dataSet.name())) {
                return false;
            }
            throw anotherInstanceSeeded;
        }
    }

    private boolean seeded(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM hs_seed WHERE data_set = ?").param(name).query(Long.class).single() > 0;
    }

    private boolean load(DemoDataSet dataSet) {
        // Claim the data set first: a concurrent seeder blocks here, then fails on the key and backs off.
        jdbc.sql("INSERT INTO hs_seed (data_set, seeded_at) VALUES (?, ?)")
                .params(dataSet.name(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        for (DemoDataSet.Patient patient : dataSet.patients()) {
            Ins ins = new Ins(Ins.TEST_NIR, patient.insValue());
            if (!exists("SELECT COUNT(*) FROM hs_patient WHERE ins_oid = ? AND ins_value = ?", ins.oid(), ins.value())) {
                insertPatient(ins, patient);
            }
            for (DemoDataSet.Document document : patient.documents()) {
                insertDocument(ins, document, resources.read("documents/" + document.file()));
            }
        }
        return true;
    }

    private void insertPatient(Ins ins, DemoDataSet.Patient patient) {
        String givenNames = String.join(" ", patient.givenNames());
        DemoDataSet.Address address = patient.address();
        jdbc.sql("INSERT INTO hs_patient (ins_oid, ins_value, given_names, family_name, search_family, search_given,"
                        + " birth_date, gender, birth_place, street_line, postal_code, city, country)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ins.oid(), ins.value(), givenNames, patient.familyName(),
                        SearchableName.of(patient.familyName()), SearchableName.of(givenNames), patient.birthDate(),
                        patient.gender(), patient.birthPlaceCode(),
                        address.houseNumber() + " " + address.streetName(), address.postalCode(), address.city(),
                        "FR")
                .update();
        DemoDataSet.Controls controls = patient.controls();
        jdbc.sql("INSERT INTO hs_patient_controls (ins_oid, ins_value, opposes_emergency_access,"
                        + " masked_visible_in_emergency) VALUES (?, ?, ?, ?)")
                .params(ins.oid(), ins.value(), controls.opposesEmergencyAccess(), controls.maskedVisibleInEmergency())
                .update();
        for (String professional : controls.blockedProfessionals()) {
            jdbc.sql("INSERT INTO hs_blocked_professional (ins_oid, ins_value, professional_id) VALUES (?, ?, ?)")
                    .params(ins.oid(), ins.value(), professional)
                    .update();
        }
    }

    private void insertDocument(Ins ins, DemoDataSet.Document document, byte[] content) {
        CdaHeader header = headers.read(content);
        if (!ins.oid().equals(header.patientInsOid()) || !ins.value().equals(header.patientInsValue())) {
            throw new IllegalStateException("Demo document " + document.file()
                    + " is not about the patient the manifest gives it to");
        }
        if (exists("SELECT COUNT(*) FROM hs_document WHERE unique_id = ?", header.uniqueId())) {
            return;
        }
        FrenchSample sample = document.sample();
        Code classCode = sample.classCode();
        jdbc.sql("INSERT INTO hs_document (unique_id, ins_oid, ins_value, kind, class_code, class_code_system,"
                        + " class_display, type_code, type_code_system, type_display, format_code, format_code_system,"
                        + " format_display, creation_time, author, title, mime_type, sha1, size_bytes, language_code,"
                        + " service_start, service_stop, content)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(header.uniqueId(), ins.oid(), ins.value(), sample.kind().name(),
                        classCode.code(), classCode.codeSystem(), classCode.display(),
                        sample.typeCode().code(), sample.typeCode().codeSystem(), sample.typeCode().display(),
                        sample.formatCode().code(), sample.formatCode().codeSystem(), sample.formatCode().display(),
                        header.effectiveTime(), header.author(), header.title(), "text/xml", sha1(content),
                        (long) content.length, header.languageCode(), utcOrNull(header.service().start()),
                        utcOrNull(header.service().stop()), content)
                .update();
        for (Code code : confidentiality(header, document)) {
            jdbc.sql("INSERT INTO hs_document_confidentiality (unique_id, code, code_system, display)"
                            + " VALUES (?, ?, ?, ?)")
                    .params(header.uniqueId(), code.code(), code.codeSystem(), code.display())
                    .update();
        }
        if (sample.kind() == DocumentKind.EPRESCRIPTION) {
            List<String> lines = header.prescriptionLineIds();
            for (int i = 0; i < lines.size(); i++) {
                jdbc.sql("INSERT INTO hs_prescription_line (prescription_id, line_id, line_order) VALUES (?, ?, ?)")
                        .params(header.uniqueId(), lines.get(i), i)
                        .update();
            }
        }
    }

    private static List<Code> confidentiality(CdaHeader header, DemoDataSet.Document document) {
        Code level = header.confidentialityCode() == null || header.confidentialityCode().equals("N")
                ? Confidentiality.NORMAL
                : new Code(header.confidentialityCode(), Confidentiality.HL7_CODE_SYSTEM, null);
        return Stream.concat(Stream.of(level), document.confidentiality().stream().map(code -> {
            Code french = FRENCH_CONFIDENTIALITY.get(code);
            if (french == null) {
                throw new IllegalStateException("Unknown confidentiality code in the demo manifest: " + code);
            }
            return french;
        })).toList();
    }

    private static OffsetDateTime utcOrNull(java.util.Optional<OffsetDateTime> time) {
        return time.map(t -> t.withOffsetSameInstant(ZoneOffset.UTC)).orElse(null);
    }

    private boolean exists(String countSql, Object... params) {
        return jdbc.sql(countSql).params(params).query(Long.class).single() > 0;
    }

    static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}

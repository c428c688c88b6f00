-- The demo French health space (fr.passerelle.gateway.healthspace.demo): patients by INS, their documents with
-- XDS-like metadata and bytes, their access controls, ePrescription lines and dispensations.
-- Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE hs_patient (
    ins_oid        VARCHAR(64)  NOT NULL,
    ins_value      VARCHAR(32)  NOT NULL,
    given_names    VARCHAR(255) NOT NULL, -- space-separated, birth-certificate order
    family_name    VARCHAR(128) NOT NULL,
    search_family  VARCHAR(128) NOT NULL, -- upper-case, accents removed: what demographic search compares
    search_given   VARCHAR(255) NOT NULL,
    birth_date     DATE         NOT NULL,
    gender         VARCHAR(4)   NOT NULL,
    birth_place    VARCHAR(16),
    street_line    VARCHAR(255),
    postal_code    VARCHAR(16),
    city           VARCHAR(128),
    country        VARCHAR(8),
    CONSTRAINT pk_hs_patient PRIMARY KEY (ins_oid, ins_value)
);

CREATE INDEX ix_hs_patient_search ON hs_patient (search_family, birth_date);

CREATE TABLE hs_patient_controls (
    ins_oid                      VARCHAR(64) NOT NULL,
    ins_value                    VARCHAR(32) NOT NULL,
    opposes_emergency_access     BOOLEAN     NOT NULL,
    masked_visible_in_emergency  BOOLEAN     NOT NULL,
    CONSTRAINT pk_hs_patient_controls PRIMARY KEY (ins_oid, ins_value),
    CONSTRAINT fk_hs_controls_patient FOREIGN KEY (ins_oid, ins_value) REFERENCES hs_patient (ins_oid, ins_value)
);

CREATE TABLE hs_blocked_professional (
    ins_oid          VARCHAR(64)  NOT NULL,
    ins_value        VARCHAR(32)  NOT NULL,
    professional_id  VARCHAR(255) NOT NULL,
    CONSTRAINT pk_hs_blocked_professional PRIMARY KEY (ins_oid, ins_value, professional_id),
    CONSTRAINT fk_hs_blocked_patient FOREIGN KEY (ins_oid, ins_value) REFERENCES hs_patient (ins_oid, ins_value)
);

CREATE TABLE hs_document (
    unique_id            VARCHAR(255) NOT NULL,
    ins_oid              VARCHAR(64)  NOT NULL,
    ins_value            VARCHAR(32)  NOT NULL,
    kind                 VARCHAR(32)  NOT NULL,
    class_code           VARCHAR(64)  NOT NULL,
    class_code_system    VARCHAR(128) NOT NULL,
    class_display        VARCHAR(255),
    type_code            VARCHAR(64)  NOT NULL,
    type_code_system     VARCHAR(128) NOT NULL,
    type_display         VARCHAR(255),
    format_code          VARCHAR(128) NOT NULL,
    format_code_system   VARCHAR(128) NOT NULL,
    format_display       VARCHAR(255),
    creation_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    author               VARCHAR(255),
    title                VARCHAR(255),
    mime_type            VARCHAR(64)  NOT NULL,
    sha1                 CHAR(40)     NOT NULL,
    size_bytes           BIGINT       NOT NULL,
    language_code        VARCHAR(16),
    content              BYTEA        NOT NULL,
    CONSTRAINT pk_hs_document PRIMARY KEY (unique_id),
    CONSTRAINT fk_hs_document_patient FOREIGN KEY (ins_oid, ins_value) REFERENCES hs_patient (ins_oid, ins_value)
);

CREATE INDEX ix_hs_document_patient ON hs_document (ins_oid, ins_value, kind);

CREATE TABLE hs_document_confidentiality (
    unique_id    VARCHAR(255) NOT NULL,
    code         VARCHAR(64)  NOT NULL,
    code_system  VARCHAR(128) NOT NULL,
    display      VARCHAR(255),
    CONSTRAINT pk_hs_document_confidentiality PRIMARY KEY (unique_id, code, code_system),
    CONSTRAINT fk_hs_confidentiality_document FOREIGN KEY (unique_id) REFERENCES hs_document (unique_id)
);

-- One prescribed item of an ePrescription; dispensation_id is set once it is dispensed.
CREATE TABLE hs_prescription_line (
    prescription_id  VARCHAR(255) NOT NULL,
    line_id          VARCHAR(255) NOT NULL,
    line_order       INTEGER      NOT NULL, -- position in the document
    dispensation_id  VARCHAR(255),
    CONSTRAINT pk_hs_prescription_line PRIMARY KEY (prescription_id, line_id),
    CONSTRAINT fk_hs_line_document FOREIGN KEY (prescription_id) REFERENCES hs_document (unique_id)
);

CREATE TABLE hs_dispensation (
    dispensation_id  VARCHAR(255) NOT NULL,
    ins_oid          VARCHAR(64)  NOT NULL,
    ins_value        VARCHAR(32)  NOT NULL,
    prescription_id  VARCHAR(255) NOT NULL,
    line_id          VARCHAR(255) NOT NULL,
    dispensed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    dispenser        VARCHAR(255),
    document         BYTEA,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_hs_dispensation PRIMARY KEY (dispensation_id),
    CONSTRAINT fk_hs_dispensation_line FOREIGN KEY (prescription_id, line_id)
        REFERENCES hs_prescription_line (prescription_id, line_id)
);

-- Which demo data set version seeded this database, so seeding runs once per version and never duplicates.
CREATE TABLE hs_seed (
    data_set    VARCHAR(64) NOT NULL,
    seeded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_hs_seed PRIMARY KEY (data_set)
);

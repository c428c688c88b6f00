-- Audit trail of cross-border transactions (issue 7): one row per transaction, hash-chained.
-- record_hash = SHA-256 of the canonical encoding of the row including previous_hash (see AuditHashing).
CREATE TABLE audit_record (
    seq                 BIGINT        NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    transaction_kind    VARCHAR(32)   NOT NULL,
    requesting_country  VARCHAR(2)    NOT NULL,
    requesting_ncp      VARCHAR(256)  NOT NULL,
    professional_id     VARCHAR(256)  NOT NULL,
    professional_role   VARCHAR(128)  NOT NULL,
    organisation        VARCHAR(256)  NOT NULL,
    purpose_of_use      VARCHAR(16)   NOT NULL,
    patient_oid         VARCHAR(64)   NOT NULL,
    patient_value       VARCHAR(64)   NOT NULL,
    document_kinds      VARCHAR(128)  NOT NULL,
    documents           VARCHAR(8000) NOT NULL,
    outcome             VARCHAR(16)   NOT NULL,
    deciding_rule       VARCHAR(64)   NOT NULL,
    error_code          VARCHAR(64)   NOT NULL,
    correlation_id      VARCHAR(256)  NOT NULL,
    assertion_ids       VARCHAR(1024) NOT NULL,
    previous_hash       VARCHAR(64)   NOT NULL,
    record_hash         VARCHAR(64)   NOT NULL,
    CONSTRAINT audit_record_pk PRIMARY KEY (seq)
);
CREATE INDEX audit_record_patient ON audit_record (patient_oid, patient_value, recorded_at);
CREATE INDEX audit_record_time ON audit_record (recorded_at);

-- The single chain head. Appends lock this row (SELECT ... FOR UPDATE) so concurrent writers on any node take
-- turns and never fork the chain. The anchor is the last purged record: verification starts from it.
CREATE TABLE audit_chain_head (
    id           INTEGER      NOT NULL,
    last_seq     BIGINT       NOT NULL,
    last_hash    VARCHAR(64)  NOT NULL,
    anchor_seq   BIGINT       NOT NULL,
    anchor_hash  VARCHAR(64)  NOT NULL,
    CONSTRAINT audit_chain_head_pk PRIMARY KEY (id)
);
INSERT INTO audit_chain_head (id, last_seq, last_hash, anchor_seq, anchor_hash) VALUES
    (1, 0, '0000000000000000000000000000000000000000000000000000000000000000',
        0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Each retention purge, kept for the record (the anchor it left behind).
CREATE TABLE audit_purge (
    purged_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    through_seq   BIGINT       NOT NULL,
    through_hash  VARCHAR(64)  NOT NULL,
    purged_count  BIGINT       NOT NULL,
    CONSTRAINT audit_purge_pk PRIMARY KEY (through_seq)
);

-- Durable outbox of records still to be sent to the ATNA collector; a row leaves only once delivered.
CREATE TABLE audit_outbox (
    seq              BIGINT       NOT NULL,
    attempts         INTEGER      NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(512),
    CONSTRAINT audit_outbox_pk PRIMARY KEY (seq)
);

-- A lock row the exporters of every node take in turn, so one record is never sent by two nodes at once.
CREATE TABLE audit_export_lock (
    id  INTEGER NOT NULL,
    CONSTRAINT audit_export_lock_pk PRIMARY KEY (id)
);
INSERT INTO audit_export_lock (id) VALUES (1);

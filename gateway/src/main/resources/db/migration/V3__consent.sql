-- Cross-border consent (issue 7). Append-only: every change is a new version row, never an update, so the
-- history (who, when, what, through which channel) is the table itself. The current consent of a patient is
-- their highest version. Read on every decision (no cache), so a revocation is seen by every node at once.
CREATE TABLE consent_version (
    patient_oid     VARCHAR(64)  NOT NULL,
    patient_value   VARCHAR(64)  NOT NULL,
    version         BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    all_countries   BOOLEAN      NOT NULL,
    countries       VARCHAR(512) NOT NULL,
    document_kinds  VARCHAR(128) NOT NULL,
    valid_until     TIMESTAMP WITH TIME ZONE,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by      VARCHAR(256) NOT NULL,
    channel         VARCHAR(32)  NOT NULL,
    CONSTRAINT consent_version_pk PRIMARY KEY (patient_oid, patient_value, version),
    CONSTRAINT consent_version_status CHECK (status IN ('AUTHORISED', 'REVOKED'))
);

-- Where the patient wants to be told about each cross-border access (set through the patient API).
CREATE TABLE patient_contact (
    patient_oid     VARCHAR(64)  NOT NULL,
    patient_value   VARCHAR(64)  NOT NULL,
    email           VARCHAR(320) NOT NULL,
    language        VARCHAR(8)   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT patient_contact_pk PRIMARY KEY (patient_oid, patient_value)
);

-- FHIR Patient ids are the INS sealed under a server key, never the INS itself (issue 19: INS values must not travel
-- in URLs, proxy and access logs). One random key per installation, drawn by the first node that needs it, so every
-- node gives a patient the same id and reads every node's ids.
CREATE TABLE fhir_patient_id_key (
    id      INTEGER      NOT NULL,
    secret  VARCHAR(64)  NOT NULL,
    CONSTRAINT fhir_patient_id_key_pk PRIMARY KEY (id)
);

-- The operator console shows patients as keyed pseudonyms (HMAC-SHA256 of the INS), never the INS (issue 10).
-- One random key per installation, drawn by the first node that needs it, so every node shows the same pseudonym.
CREATE TABLE console_pseudonym_key (
    id      INTEGER      NOT NULL,
    secret  VARCHAR(64)  NOT NULL,
    CONSTRAINT console_pseudonym_key_pk PRIMARY KEY (id)
);

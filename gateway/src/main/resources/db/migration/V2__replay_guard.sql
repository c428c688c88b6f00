-- One-use guard for SAML assertion ids and WS-Addressing message ids, shared by every gateway node
-- (trust module, fr.passerelle.gateway.trust.JdbcReplayStore). Keys are SHA-256 hex of "assertion:<ID>" or
-- "message:<MessageID>": fixed length, nothing readable at rest. A row may be reused once it has expired.
CREATE TABLE trust_replay_guard (
    replay_key  VARCHAR(64)              NOT NULL PRIMARY KEY,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX trust_replay_guard_expires_at ON trust_replay_guard (expires_at);

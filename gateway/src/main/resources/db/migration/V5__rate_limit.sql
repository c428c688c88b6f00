-- Rate-limit window counters shared by every gateway node (issue 11, fr.passerelle.gateway.ratelimit).
-- One row per key ("country:ES" or "ncp:ES:<ncp>") and fixed window (epoch milliseconds of its start); each request
-- increments its row with one atomic upsert that returns the new count. Rows of past windows are purged.
CREATE TABLE rate_limit_window (
    limit_key     VARCHAR(256) NOT NULL,
    window_start  BIGINT       NOT NULL,
    hits          BIGINT       NOT NULL,
    CONSTRAINT rate_limit_window_pk PRIMARY KEY (limit_key, window_start)
);

CREATE INDEX rate_limit_window_start ON rate_limit_window (window_start);

-- Registry of running gateway nodes (issue 11, fr.passerelle.gateway.node): each node refreshes its own row at
-- every heartbeat with its version and the fingerprint of the terminology catalogue it answers with, so an
-- operator sees whether every node runs the same catalogue.
CREATE TABLE gateway_node (
    node_id                  VARCHAR(128) NOT NULL,
    host                     VARCHAR(512) NOT NULL,
    started_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    application_version      VARCHAR(64)  NOT NULL,
    terminology_fingerprint  VARCHAR(64)  NOT NULL,
    terminology_summary      VARCHAR(512) NOT NULL,
    CONSTRAINT gateway_node_pk PRIMARY KEY (node_id)
);

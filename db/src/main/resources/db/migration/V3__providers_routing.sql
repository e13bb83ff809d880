-- Providers, their keys, and the routing policies that map a model alias to targets (SPEC §4, §5).
-- tenant_id NULL = global (every tenant); a tenant's own row of the same name/alias takes precedence.
-- scope is '*' for global rows so the unique keys hold (NULLs never collide in a unique index).

CREATE TABLE providers (
    id         BIGINT        NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(64)   NULL,
    scope      VARCHAR(64)   AS (COALESCE(tenant_id, '*')) STORED,
    name       VARCHAR(64)   NOT NULL,
    kind       VARCHAR(32)   NOT NULL,
    base_url   VARCHAR(2048) NULL,
    settings   MEDIUMTEXT    NOT NULL,
    enabled    BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at DATETIME(6)   NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    UNIQUE KEY ux_providers_scope_name (scope, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Provider keys, encrypted with AES-256-GCM under a master key that never enters the database:
-- ciphertext = IV (12 bytes) || ciphertext || tag (16 bytes), the row id as associated data.
-- master_key_id names the master key that sealed the row (rotation re-seals rows under the new one).
CREATE TABLE provider_keys (
    id             BIGINT         NOT NULL PRIMARY KEY,
    provider_id    BIGINT         NOT NULL,
    tenant_id      VARCHAR(64)    NULL,
    label          VARCHAR(128)   NOT NULL,
    ciphertext     VARBINARY(4096) NOT NULL,
    master_key_id  VARCHAR(16)    NOT NULL,
    mask           VARCHAR(32)    NOT NULL,
    status         VARCHAR(16)    NOT NULL,
    status_reason  VARCHAR(512)   NULL,
    created_at     DATETIME(6)    NOT NULL,
    updated_at     DATETIME(6)    NOT NULL,
    INDEX ix_provider_keys_provider (provider_id),
    CONSTRAINT fk_provider_keys_provider FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A model alias and how it is served: strategy, targets (JSON array), retry and breaker settings (JSON).
CREATE TABLE routing_policies (
    id         BIGINT       NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(64)  NULL,
    scope      VARCHAR(64)  AS (COALESCE(tenant_id, '*')) STORED,
    alias      VARCHAR(128) NOT NULL,
    strategy   VARCHAR(16)  NOT NULL,
    targets    MEDIUMTEXT   NOT NULL,
    resilience MEDIUMTEXT   NOT NULL,
    enabled    BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    UNIQUE KEY ux_routing_policies_scope_alias (scope, alias)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row, bumped by every change of providers, keys or policies: every instance polls it and reloads its
-- routing table when it moves, so a change takes effect cluster-wide within the poll interval.
CREATE TABLE routing_version (
    id      TINYINT NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
) ENGINE = InnoDB;
INSERT INTO routing_version (id, version) VALUES (1, 0);

-- What served a run and what it cost.
ALTER TABLE runs
    ADD COLUMN served_by                VARCHAR(256)   NULL,
    ADD COLUMN attempts                 INT            NOT NULL DEFAULT 0,
    ADD COLUMN cost                     DECIMAL(18, 8) NULL,
    ADD COLUMN upstream_conversation_id VARCHAR(128)   NULL;

-- Durable runs: queued claiming, cancel requests, callbacks, idempotency keys and webhook deliveries.

ALTER TABLE runs
    ADD COLUMN callback_url     VARCHAR(2048) NULL,
    ADD COLUMN cancel_requested BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD INDEX ix_runs_ended (ended_at);

-- Idempotency-Key of POST /api/v1/runs: one row per (tenant, owner, key), kept for switchboard.idempotency.ttl.
CREATE TABLE idempotency_keys (
    tenant_id       VARCHAR(64)  NOT NULL,
    owner_id        VARCHAR(128) NOT NULL,
    idem_key        VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    run_id          BIGINT       NULL,
    state           VARCHAR(16)  NOT NULL,
    response_status INT          NULL,
    response_body   MEDIUMTEXT   NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (tenant_id, owner_id, idem_key),
    INDEX ix_idempotency_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The secret each tenant's webhook receivers verify signatures with (Standard Webhooks).
CREATE TABLE webhook_secrets (
    tenant_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(128) NOT NULL,
    created_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One delivery per ended run with a callback; message_id is the stable webhook-id across retries.
CREATE TABLE webhook_deliveries (
    id              BIGINT        NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(64)   NOT NULL,
    run_id          BIGINT        NOT NULL,
    url             VARCHAR(2048) NOT NULL,
    message_id      VARCHAR(64)   NOT NULL,
    payload         MEDIUMTEXT    NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NULL,
    created_at      DATETIME(6)   NOT NULL,
    ended_at        DATETIME(6)   NULL,
    UNIQUE KEY ux_webhook_deliveries_run (run_id),
    INDEX ix_webhook_deliveries_due (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every attempt of a delivery, with what the receiver answered.
CREATE TABLE webhook_attempts (
    delivery_id  BIGINT       NOT NULL,
    attempt      INT          NOT NULL,
    tenant_id    VARCHAR(64)  NOT NULL,
    attempted_at DATETIME(6)  NOT NULL,
    status_code  INT          NULL,
    error        VARCHAR(512) NULL,
    duration_ms  BIGINT       NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Conversations (SPEC §3): chats whose messages form a tree (parent_id), each assistant message answered by a
-- run. Ids are TSIDs (time-ordered), so "newest first" is ORDER BY id DESC. client_id is the caller's own local
-- id: unique per owner (chats) and per chat (messages), so a repeated create or send finds the first one.

CREATE TABLE chats (
    id              BIGINT       NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(64)  NOT NULL,
    owner_id        VARCHAR(128) NOT NULL,
    client_id       VARCHAR(64)  NULL,
    title           VARCHAR(200) NOT NULL,
    titled          BOOLEAN      NOT NULL DEFAULT FALSE,
    version         INT          NOT NULL,
    current_leaf_id BIGINT       NULL,
    -- the one run generating in this chat; set by a conditional UPDATE (… WHERE active_run_id IS NULL)
    active_run_id   BIGINT       NULL,
    title_run_id    BIGINT       NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    UNIQUE KEY ux_chats_client (tenant_id, owner_id, client_id),
    INDEX ix_chats_owner (tenant_id, owner_id, id),
    INDEX ix_chats_active_run (active_run_id),
    INDEX ix_chats_title_run (title_run_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE chat_messages (
    id            BIGINT       NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(64)  NOT NULL,
    chat_id       BIGINT       NOT NULL,
    parent_id     BIGINT       NULL,
    role          VARCHAR(16)  NOT NULL,
    content       MEDIUMTEXT   NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    model         VARCHAR(128) NULL,
    input_tokens  INT          NULL,
    output_tokens INT          NULL,
    run_id        BIGINT       NULL,
    client_id     VARCHAR(64)  NULL,
    created_at    DATETIME(6)  NOT NULL,
    UNIQUE KEY ux_chat_messages_client (chat_id, client_id),
    INDEX ix_chat_messages_chat (chat_id, parent_id),
    INDEX ix_chat_messages_run (run_id),
    CONSTRAINT fk_chat_messages_chat FOREIGN KEY (chat_id) REFERENCES chats (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Server-side signing secrets shared by every instance (the stream ticket's HMAC key), created on first use.
CREATE TABLE signing_secrets (
    name       VARCHAR(64)    NOT NULL PRIMARY KEY,
    secret     VARBINARY(64)  NOT NULL,
    created_at DATETIME(6)    NOT NULL
) ENGINE = InnoDB;

-- Console operators and roles (issue 16), and admin changes in the audit log.

-- An operator either administers the platform (tenant_id NULL, role platform-admin: every tenant, the global
-- providers and policies, the operators) or one tenant (tenant_id set, role admin). A disabled operator cannot
-- sign in; the row stays so the audit log's actor keeps a meaning.
ALTER TABLE admin_users
    ADD COLUMN tenant_id  VARCHAR(64) NULL,
    ADD COLUMN disabled   BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN updated_at DATETIME(6) NULL;

-- The operator seeded before roles were checked administers the platform.
UPDATE admin_users SET roles = 'platform-admin' WHERE tenant_id IS NULL AND roles = 'admin';

-- An admin change (console or admin REST API) is an audit row with method CHANGE, the changed row's path as
-- route, the action (provider.create, key.rotate, policy.update, operator.disable, ...) and the row as it was
-- before and after, as JSON with key secrets masked. Request rows leave the three columns NULL.
ALTER TABLE audit_log
    ADD COLUMN action       VARCHAR(64) NULL,
    ADD COLUMN before_state MEDIUMTEXT  NULL,
    ADD COLUMN after_state  MEDIUMTEXT  NULL,
    ADD INDEX ix_audit_action_created (action, created_at);

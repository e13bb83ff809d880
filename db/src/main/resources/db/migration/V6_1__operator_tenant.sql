-- A console operator may belong to one tenant (a tenant admin, who sees only that tenant in the console);
-- NULL is a platform operator, who administers every tenant.
ALTER TABLE admin_users
    ADD COLUMN tenant_id VARCHAR(64) NULL;

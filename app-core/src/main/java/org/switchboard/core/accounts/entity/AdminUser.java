package org.switchboard.core.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A console operator; mirrors table {@code admin_users}. {@code tenantId} is null for a platform operator. */
@Entity
@Table(name = "admin_users")
public class AdminUser {
    @Id
    private long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String roles;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected AdminUser() {}

    public AdminUser(long id, String username, String passwordHash, Set<String> roles, String tenantId) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = String.join(",", roles);
        this.tenantId = tenantId;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String tenantId() {
        return tenantId;
    }

    public boolean disabled() {
        return disabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt == null ? createdAt : updatedAt;
    }

    public Set<String> roles() {
        return Arrays.stream(roles.split(",")).filter(r -> !r.isBlank()).collect(Collectors.toUnmodifiableSet());
    }

    public Operator operator() {
        return new Operator(username, tenantId, roles());
    }

    public void disabled(boolean value) {
        this.disabled = value;
        this.updatedAt = Instant.now();
    }

    public void passwordHash(String hash) {
        this.passwordHash = hash;
        this.updatedAt = Instant.now();
    }
}

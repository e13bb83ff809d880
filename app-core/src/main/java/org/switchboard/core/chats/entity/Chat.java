package org.switchboard.core.chats.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.switchboard.core.tenants.entity.TenantCriteria;

/**
 * A conversation of one user; mirrors table {@code chats}. {@code version} is the chat's cache version: every
 * change a client would render (a message, the current leaf, the title, the generating flag) bumps it, and it is
 * the {@code ETag} of the chat. {@code activeRunId} is set only by the conditional update that claims the chat for
 * a generation, so two sends can never both hold it.
 */
@Entity
@AdditionalCriteria(TenantCriteria.OWN) // the tenant scope: see org.switchboard.core.tenants
@Table(name = "chats")
public class Chat {
    public static final String DEFAULT_TITLE = "New chat";

    @Id
    private long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private String ownerId;

    @Column(name = "client_id", updatable = false)
    private String clientId;

    @Column(nullable = false)
    private String title;

    private boolean titled;

    private int version;

    @Column(name = "current_leaf_id")
    private Long currentLeafId;

    @Column(name = "active_run_id")
    private Long activeRunId;

    @Column(name = "title_run_id")
    private Long titleRunId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Chat() {}

    public Chat(long id, String tenantId, String ownerId, String clientId, String title) {
        this.id = id;
        this.tenantId = tenantId;
        this.ownerId = ownerId;
        this.clientId = clientId;
        this.title = title == null || title.isBlank() ? DEFAULT_TITLE : title.strip();
        this.titled = title != null && !title.isBlank();
        this.version = 1;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** A user's own title; no generated title replaces it. */
    public void rename(String newTitle) {
        title = newTitle.strip();
        titled = true;
        touch();
    }

    public void moveTo(long leafId) {
        currentLeafId = leafId;
        touch();
    }

    private void touch() {
        version++;
        updatedAt = Instant.now();
    }

    public long id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String ownerId() {
        return ownerId;
    }

    public String clientId() {
        return clientId;
    }

    public String title() {
        return title;
    }

    public boolean titled() {
        return titled;
    }

    public int version() {
        return version;
    }

    public Long currentLeafId() {
        return currentLeafId;
    }

    public Long activeRunId() {
        return activeRunId;
    }

    public Long titleRunId() {
        return titleRunId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}

package org.switchboard.admin.operators;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.switchboard.core.accounts.boundary.OperatorRequest;

/** What the operator form edits; {@code Operators} checks the request again (name and tenant rules) on save. */
public class OperatorDraft {
    @NotBlank
    private String username = "";

    @Size(min = 12, max = 256, message = "must be 12 to 256 characters")
    private String password = "";

    private String tenant = "";

    OperatorRequest request() {
        return new OperatorRequest(username, password, tenant == null || tenant.isBlank() ? null : tenant.strip());
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }
}

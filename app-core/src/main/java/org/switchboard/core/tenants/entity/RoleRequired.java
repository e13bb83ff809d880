package org.switchboard.core.tenants.entity;

import org.switchboard.core.platform.Forbidden;

/** The caller lacks every role a boundary method declares ({@code @RequiresRole}); problem type {@code forbidden}. */
public class RoleRequired extends Forbidden {
    public RoleRequired(String detail) {
        super("forbidden", detail);
    }
}

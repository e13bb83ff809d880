package org.switchboard.core.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.List;
import java.util.Set;
import org.switchboard.core.accounts.entity.AdminUser;
import org.switchboard.core.audit.boundary.AdminChanges;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.Validation;
import org.switchboard.core.tenants.boundary.RequiresRole;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Console operators, managed by platform admins only: create one (platform or one tenant's), disable or enable it,
 * reset its password. Passwords are stored as PBKDF2 hashes (Jakarta Security's, as at sign-in) and never shown.
 * Every change is audited ({@code operator.create}, {@code operator.disable}, {@code operator.enable},
 * {@code operator.password}), the hash never in it.
 */
@Stateless
@RequiresRole(Caller.PLATFORM_ADMIN_ROLE)
public class Operators {
    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hashes;

    @Inject
    Validation validation;

    @Inject
    AdminChanges changes;

    public List<OperatorResponse> list(Caller caller) {
        return em.createQuery("SELECT u FROM AdminUser u ORDER BY u.username", AdminUser.class)
                .getResultStream()
                .map(OperatorResponse::of)
                .toList();
    }

    public OperatorResponse create(Caller caller, OperatorRequest request) {
        validation.check(request);
        boolean taken = !em.createQuery("SELECT u.id FROM AdminUser u WHERE u.username = :n", Long.class)
                .setParameter("n", request.username())
                .getResultList()
                .isEmpty();
        if (taken) {
            throw new OperatorNameTaken(request.username());
        }
        Set<String> roles = Set.of(request.platform() ? Caller.PLATFORM_ADMIN_ROLE : Caller.ADMIN_ROLE);
        AdminUser user = new AdminUser(
                Ids.next(),
                request.username(),
                hashes.generate(request.password().toCharArray()),
                roles,
                request.tenant());
        em.persist(user);
        OperatorResponse created = OperatorResponse.of(user);
        changes.record(caller, "operator.create", subject(user), null, created);
        return created;
    }

    /** Disables (or enables again) an operator: a disabled one cannot sign in. Not one's own account. */
    public OperatorResponse setDisabled(Caller caller, String id, boolean disabled) {
        AdminUser user = find(id);
        if (disabled && user.username().equals(caller.user())) {
            throw new OwnAccountLocked();
        }
        OperatorResponse before = OperatorResponse.of(user);
        user.disabled(disabled);
        OperatorResponse after = OperatorResponse.of(user);
        changes.record(caller, disabled ? "operator.disable" : "operator.enable", subject(user), before, after);
        return after;
    }

    public OperatorResponse resetPassword(Caller caller, String id, PasswordRequest request) {
        AdminUser user = find(id);
        validation.check(request); // after the 404
        OperatorResponse before = OperatorResponse.of(user);
        user.passwordHash(hashes.generate(request.password().toCharArray()));
        OperatorResponse after = OperatorResponse.of(user);
        changes.record(caller, "operator.password", subject(user), before, after);
        return after;
    }

    private AdminUser find(String id) {
        return Ids.parse(id).stream()
                .mapToObj(parsed -> em.find(AdminUser.class, parsed))
                .filter(found -> found != null)
                .findFirst()
                .orElseThrow(() -> new OperatorNotFound(id));
    }

    private static String subject(AdminUser user) {
        return "operators/" + user.id();
    }
}

package org.switchboard.core.accounts.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Optional;
import java.util.Set;
import org.switchboard.core.accounts.entity.AdminUser;
import org.switchboard.core.accounts.entity.Operator;
import org.switchboard.core.platform.Ids;

/**
 * Console sign-in: verifies credentials (a disabled operator never signs in) and seeds the first operator.
 * Passwords are kept as PBKDF2 hashes only. Managing operators is {@link Operators}'.
 */
@Stateless
public class AdminAccounts {
    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hashes;

    public Optional<Operator> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT u FROM AdminUser u WHERE u.username = :name", AdminUser.class)
                .setParameter("name", username)
                .getResultStream()
                .findFirst()
                .filter(user -> !user.disabled())
                .filter(user -> hashes.verify(password.toCharArray(), user.passwordHash()))
                .map(AdminUser::operator);
    }

    public boolean anyExists() {
        return em.createQuery("SELECT COUNT(u) FROM AdminUser u", Long.class).getSingleResult() > 0;
    }

    /** A platform operator (seeding). */
    public void create(String username, String password, Set<String> roles) {
        em.persist(new AdminUser(Ids.next(), username, hashes.generate(password.toCharArray()), roles, null));
    }
}

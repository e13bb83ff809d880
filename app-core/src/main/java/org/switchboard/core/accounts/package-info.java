/**
 * Console operators: their accounts, password hashes (PBKDF2 via Jakarta Security) and the admin account
 * seeded on first start. Operators are global: they administer every tenant.
 */
package org.switchboard.core.accounts;

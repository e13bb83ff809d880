/**
 * Console sign-in. Credentials are checked against the operator accounts of app-core (PBKDF2 hashes); the
 * operator is kept in the Vaadin session, and a navigation guard sends anyone without one to the login.
 */
package org.switchboard.admin.security;

/**
 * Console sign-in. Credentials are checked against the operator accounts of app-core (PBKDF2 hashes; a disabled
 * operator never signs in); the operator, the tenant a platform operator acts for and the browser's time zone are
 * kept in the Vaadin session, and a navigation guard sends anyone without an operator to the login.
 * {@link org.switchboard.admin.security.SignedIn#caller()} is the caller every view passes to the boundaries.
 */
package org.switchboard.admin.security;

/**
 * The Vaadin admin console at {@code /admin}: one view per feature, talking to app-core boundaries
 * directly. Every route but the login needs a signed-in operator.
 */
package org.switchboard.admin;

/**
 * Console operators ({@code operators}): platform admins create operators for the platform or one tenant, disable
 * and enable them and reset their passwords through {@code Operators}, which refuses every other caller; the view
 * then says who manages operators instead of listing them.
 */
package org.switchboard.admin.operators;

/** The console's frame: navigation drawer, header and sign-out, shared by every view. */
package org.switchboard.admin.shell;

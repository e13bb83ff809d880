/** Runs in the console: the newest runs of every tenant, read straight from the database. */
package org.switchboard.admin.runs;

/** The operator's time zone, as their browser reports it: every time the console shows is in it. */
package org.switchboard.admin.time;

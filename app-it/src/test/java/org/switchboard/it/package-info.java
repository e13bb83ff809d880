/**
 * Integration tests against the real stack: the built EAR deployed by Arquillian into a managed Payara
 * Server, a real MariaDB started once per run by {@link org.switchboard.it.TestStack}, real HTTP, the official
 * OpenAI Java SDK and headless Chromium.
 */
package org.switchboard.it;

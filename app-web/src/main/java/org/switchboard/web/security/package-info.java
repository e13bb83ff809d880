/**
 * Staff client authentication: every API call carries {@code Authorization: Bearer <JWT>}, verified with
 * smallrye-jwt (signature, issuer, audience, expiry). The {@code tenant} claim names the tenant, {@code groups}
 * the roles. Anything else is a 401 problem.
 */
package org.switchboard.web.security;

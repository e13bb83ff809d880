/**
 * The admin REST API ({@code /api/v1/admin}): providers, their keys and routing policies, and the routing
 * health of this instance, one thin resource each over the routing boundaries. Bodies are read into request
 * records and answered with response records (JSON-B); a field that breaks a constraint answers 400 with
 * {@code violations}. Admin roles only; secrets go in, masks come out.
 */
package org.switchboard.web.admin;

/**
 * Request plumbing shared by every resource: the request id, the body size limit, RFC 9457 problems and
 * their exception mappers, and the audit of each request.
 */
package org.switchboard.web.platform;

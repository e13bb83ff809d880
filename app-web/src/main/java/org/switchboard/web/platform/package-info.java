/**
 * Request plumbing shared by every resource: the request id, the body size limit, RFC 9457 problems and
 * their exception mappers, the audit of each request, SSE streams and the web layer's own worker threads
 * ({@link org.switchboard.web.platform.WebThreads}: core's pools are core's plumbing, not one of its doors).
 */
package org.switchboard.web.platform;

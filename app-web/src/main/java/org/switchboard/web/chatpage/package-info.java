/**
 * The reference chat page: plain HTML, CSS and JavaScript under {@code src/main/webapp/chat/}, with no build
 * step and nothing vendored, that a developer reads as the model client of {@code /api/v1/chats}.
 *
 * <p>Invariants: the page's files are served without a token (they hold no data), while every API call the
 * page makes still carries the caller's bearer JWT, and its event streams use the server's short-lived
 * stream tickets; the page never puts a JWT into a URL the server sees. {@code ChatPageIT} proves the page in
 * headless Chromium.
 */
package org.switchboard.web.chatpage;

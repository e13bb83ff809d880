/**
 * The OpenAI-compatible surface ({@code /v1/models}, {@code /v1/chat/completions}) in OpenAI's own wire
 * format, so the official SDKs work unchanged with a Switchboard JWT as their API key. Every completion is a
 * run: the answer carries {@code X-Run-Id}, and a client that loses a stream can inspect the run later.
 */
package org.switchboard.web.openai;

package org.switchboard.core.providers.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.switchboard.core.platform.JsonP;
import org.switchboard.core.providers.entity.ProviderFailure;

/**
 * Classifies an upstream's non-2xx answer (SPEC §5 error classes): 401/403 auth, 429 quota (with its
 * {@code Retry-After}), 400/404/422 bad request, anything else an upstream error. The detail carries the
 * upstream's own message when its body has one ({@code error.message}, {@code message}), never the request.
 */
public final class UpstreamFailures {
    private static final int MAX_DETAIL = 300;

    private UpstreamFailures() {}

    public static ProviderFailure fromStatus(int status, HttpHeaders headers, String body) {
        String type =
                switch (status) {
                    case 401, 403 -> "upstream-auth";
                    case 429 -> "upstream-quota";
                    case 400, 404, 413, 422 -> "upstream-bad-request";
                    default -> "upstream-error";
                };
        String detail = "The upstream answered HTTP " + status
                + message(body).map(m -> ": " + m).orElse("");
        Duration retryAfter = headers.firstValue("retry-after")
                .map(UpstreamFailures::retryAfter)
                .orElse(null);
        return new ProviderFailure(type, detail, status, retryAfter);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when unreadable. */
    static Duration retryAfter(String value) {
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static java.util.Optional<String> message(String body) {
        if (body == null || body.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            JsonObject json = JsonP.parseObject(body);
            if (json.get("error") instanceof JsonObject error && error.get("message") instanceof JsonString text) {
                return java.util.Optional.of(abbreviate(text.getString()));
            }
            if (json.get("message") instanceof JsonString text) {
                return java.util.Optional.of(abbreviate(text.getString()));
            }
            if (json.get("error") instanceof JsonString text) {
                return java.util.Optional.of(abbreviate(text.getString()));
            }
            return java.util.Optional.empty();
        } catch (RuntimeException notJson) {
            return java.util.Optional.of(abbreviate(body.strip()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
    }
}

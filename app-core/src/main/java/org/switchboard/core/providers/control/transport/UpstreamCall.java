package org.switchboard.core.providers.control.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One streamed upstream request as an adapter builds it, independent of the HTTP client that sends it: method,
 * URL, headers in the order given, and a JSON body. Header names and values are checked as the JDK's
 * {@code HttpRequest.Builder} checks them (a token; no CR, LF or NUL), so neither transport can be made to send
 * a header the other would refuse.
 */
public final class UpstreamCall {
    private final String method;
    private final URI uri;
    private final byte[] body;
    private final List<String> headers = new ArrayList<>(12); // name, value, name, value, ...

    private UpstreamCall(String method, URI uri, String body) {
        this.method = method;
        this.uri = uri;
        this.body = body.getBytes(StandardCharsets.UTF_8);
    }

    public static UpstreamCall post(URI uri, String body) {
        return new UpstreamCall("POST", uri, body);
    }

    public static UpstreamCall of(String method, URI uri, String body) {
        return new UpstreamCall(method, uri, body);
    }

    /** Adds a header (a name may repeat). */
    public UpstreamCall header(String name, String value) {
        check(name, value);
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** Sets a header, replacing every earlier value of that name (compared case-insensitively). */
    public UpstreamCall setHeader(String name, String value) {
        check(name, value);
        for (int i = headers.size() - 2; i >= 0; i -= 2) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                headers.remove(i + 1);
                headers.remove(i);
            }
        }
        return header(name, value);
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** The body's UTF-8 bytes; not copied, not to be changed. */
    byte[] body() {
        return body;
    }

    /** Every header, in the order set. */
    public void forEachHeader(BiConsumer<String, String> action) {
        for (int i = 0; i < headers.size(); i += 2) {
            action.accept(headers.get(i), headers.get(i + 1));
        }
    }

    private static void check(String name, String value) {
        if (name == null || name.isEmpty() || value == null) {
            throw new IllegalArgumentException("A header needs a name and a value");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("Invalid header name: " + name);
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("Invalid header value for " + name);
            }
        }
    }

    @Override
    public String toString() {
        return method + " " + uri; // never the headers: they carry keys
    }
}

package org.switchboard.core.providers.control.transport;

import java.net.URI;
import java.util.Locale;

/** Where a connection goes: scheme (TLS or not), host and port, as a pool key; plus the {@code Host} header. */
record Origin(boolean tls, String host, int port) {
    static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Unsupported URI scheme: " + uri.getScheme());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("No host in " + uri);
        }
        boolean tls = scheme.equals("https");
        return new Origin(tls, uri.getHost(), uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort());
    }

    /** The host to resolve and connect to: an IPv6 literal without its brackets. */
    String address() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The {@code Host} header (RFC 9110 §7.2): the port only when it is not the scheme's default. */
    String hostHeader() {
        return port == (tls ? 443 : 80) ? host : host + ":" + port;
    }
}

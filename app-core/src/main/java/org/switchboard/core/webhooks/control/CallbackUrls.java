package org.switchboard.core.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.platform.InvalidInput;

/**
 * Refuses callback URLs that would make the gateway call into its own network (SSRF): every address the
 * host resolves to must be public. Hosts on {@code switchboard.webhooks.allowed-hosts} are exempt.
 */
@ApplicationScoped
public class CallbackUrls {
    private static final String TYPE = "invalid-callback-url";

    // A comma-separated string: Payara's MicroProfile Config cannot inject Optional<List<String>>.
    @Inject
    @ConfigProperty(name = "switchboard.webhooks.allowed-hosts")
    Optional<String> allowedHosts;

    public void validate(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInput(TYPE, "callback_url is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new InvalidInput(TYPE, "callback_url must be an absolute http(s) URL");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.stream()
                .flatMap(hosts -> Arrays.stream(hosts.split(",")))
                .anyMatch(allowed -> allowed.trim().equalsIgnoreCase(host))) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    throw new InvalidInput(
                            TYPE,
                            "callback_url host '" + host + "' resolves to a non-public address ("
                                    + address.getHostAddress()
                                    + "); loopback, private, link-local and metadata addresses are refused");
                }
            }
        } catch (UnknownHostException e) {
            throw new InvalidInput(TYPE, "callback_url host '" + host + "' does not resolve");
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 0)
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0);
        }
        return (bytes[0] & 0xfe) != 0xfc; // IPv6 unique local fc00::/7 (cloud metadata lives there too)
    }
}

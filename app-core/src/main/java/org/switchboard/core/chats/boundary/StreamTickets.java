package org.switchboard.core.chats.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.chats.control.TicketSigner;
import org.switchboard.core.tenants.entity.Caller;

/**
 * Tickets for a browser's plain {@code EventSource}, which cannot send an {@code Authorization} header: a ticket
 * names one run, the tenant and user it was minted for (and whether they are a tenant admin) and when it
 * expires ({@code switchboard.chats.ticket-ttl}), signed by the server. It opens that one run's event stream and
 * nothing else; the web layer accepts it on no other request. Tickets are never logged.
 *
 * <p>Format: {@code v1.<run>.<expires epoch s>.<admin 0|1>.<tenant b64url>.<user b64url>.<HMAC b64url>}.
 */
@ApplicationScoped
public class StreamTickets {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 1024;

    @Inject
    TicketSigner signer;

    @Inject
    @ConfigProperty(name = "switchboard.chats.ticket-ttl")
    Duration ttl;

    /** A ticket for the caller to follow run {@code runId}. */
    public String mint(Caller caller, long runId) {
        String payload = "v1." + runId + "." + Instant.now().plus(ttl).getEpochSecond() + "."
                + (caller.isAdmin() ? 1 : 0) + "." + encode(caller.tenant()) + "." + encode(caller.user());
        return payload + "." + signer.sign(payload);
    }

    /**
     * The caller a ticket stands for, if it is genuine, unexpired and names run {@code runId}; empty otherwise.
     * The caller has no role but {@code admin} if the minting caller had it, so it reads the run as they could.
     */
    public Optional<Caller> redeem(String ticket, String runId) {
        if (ticket == null || ticket.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int macAt = ticket.lastIndexOf('.');
        String[] fields = ticket.substring(0, Math.max(macAt, 0)).split("\\.", -1);
        if (macAt < 0 || fields.length != 6 || !fields[0].equals("v1") || !fields[1].equals(runId)) {
            return Optional.empty();
        }
        try {
            if (!signer.verify(ticket.substring(0, macAt), ticket.substring(macAt + 1))
                    || Instant.ofEpochSecond(Long.parseLong(fields[2])).isBefore(Instant.now())) {
                return Optional.empty();
            }
            Set<String> roles = fields[3].equals("1") ? Set.of(Caller.ADMIN_ROLE) : Set.of();
            return Optional.of(new Caller(decode(fields[4]), decode(fields[5]), roles));
        } catch (IllegalArgumentException e) { // a field that is not a number or not base64: not a ticket of ours
            return Optional.empty();
        }
    }

    private static String encode(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(B64_DECODER.decode(text), StandardCharsets.UTF_8);
    }
}

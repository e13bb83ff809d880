package org.switchboard.core.chats.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.core.chats.control.TicketSigner;
import org.switchboard.core.tenants.entity.Caller;

class StreamTicketsTest {
    private final Caller lea = new Caller("acme", "lea.x", Set.of("user"));

    @Test
    void aTicketStandsForItsCallerOnItsRunOnly() {
        StreamTickets tickets = tickets("secret-1", Duration.ofMinutes(10));
        String ticket = tickets.mint(lea, 42);

        Caller redeemed = tickets.redeem(ticket, "42").orElseThrow();
        assertThat(redeemed.tenant()).isEqualTo("acme");
        assertThat(redeemed.user()).isEqualTo("lea.x");
        assertThat(redeemed.isAdmin()).isFalse();
        assertThat(tickets.redeem(ticket, "43")).isEmpty();
        assertThat(ticket).matches("[A-Za-z0-9._-]+");
    }

    @Test
    void anAdminsTicketKeepsTheAdminRole() {
        StreamTickets tickets = tickets("secret-1", Duration.ofMinutes(10));
        Caller admin = new Caller("acme", "ops", Set.of("user", "admin"));
        assertThat(tickets.redeem(tickets.mint(admin, 7), "7").orElseThrow().isAdmin())
                .isTrue();
    }

    @Test
    void aTamperedExpiredOrForeignTicketIsRefused() {
        StreamTickets tickets = tickets("secret-1", Duration.ofMinutes(10));
        String ticket = tickets.mint(lea, 42);
        String[] fields = ticket.split("\\.");
        fields[3] = "1"; // claims the admin role
        assertThat(tickets.redeem(String.join(".", fields), "42")).isEmpty();
        assertThat(tickets.redeem(ticket.substring(0, ticket.length() - 1) + "x", "42"))
                .isEmpty();
        assertThat(tickets("secret-2", Duration.ofMinutes(10)).redeem(ticket, "42"))
                .isEmpty();
        StreamTickets expired = tickets("secret-1", Duration.ofSeconds(-5));
        assertThat(expired.redeem(expired.mint(lea, 42), "42")).isEmpty();
        assertThat(tickets.redeem("garbage", "42")).isEmpty();
        assertThat(tickets.redeem("v1.42.x.0.a.b.c", "42")).isEmpty();
        assertThat(tickets.redeem(null, "42")).isEmpty();
    }

    private static StreamTickets tickets(String secret, Duration ttl) {
        TicketSigner signer = new TicketSigner();
        try {
            var configured = TicketSigner.class.getDeclaredField("configured");
            configured.setAccessible(true);
            configured.set(signer, Optional.of(secret));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        StreamTickets tickets = new StreamTickets();
        tickets.signer = signer;
        tickets.ttl = ttl;
        return tickets;
    }
}

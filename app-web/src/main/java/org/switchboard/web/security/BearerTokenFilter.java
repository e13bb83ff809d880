package org.switchboard.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.core.chats.boundary.StreamTickets;
import org.switchboard.core.tenants.entity.Caller;
import org.switchboard.web.platform.Problems;
import org.switchboard.web.platform.RequestAttributes;

/**
 * Authenticates every API request before it is matched, so even unknown paths need a valid token. The one
 * exception is a browser's {@code EventSource}, which cannot send a header: {@code GET /api/v1/runs/{id}/events}
 * also takes a stream ticket ({@code ?ticket=}, {@link StreamTickets}) for exactly that run. A ticket is accepted
 * on no other request, and never logged (the request log and the audit record the path without its query).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {
    private static final String SCHEME = "Bearer ";

    private static final Pattern RUN_EVENTS = Pattern.compile("/?api/v1/runs/([0-9]{1,19})/events/?");

    @Inject
    TokenVerifier verifier;

    @Inject
    StreamTickets tickets;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String ticket = request.getUriInfo().getQueryParameters().getFirst("ticket");
        if (header == null && ticket != null) {
            admitTicket(request, ticket);
            return;
        }
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            refuse(request, "This API needs an 'Authorization: Bearer <JWT>' header");
            return;
        }
        try {
            Caller caller = verifier.verify(header.substring(SCHEME.length()).trim());
            request.setProperty(RequestAttributes.CALLER, caller);
            request.setSecurityContext(
                    new CallerContext(caller, request.getSecurityContext().isSecure()));
        } catch (TokenVerifier.InvalidToken e) {
            refuse(request, e.getMessage());
        }
    }

    /** Admits a request with a stream ticket if it follows the run the ticket was minted for. */
    private void admitTicket(ContainerRequestContext request, String ticket) {
        Matcher events = RUN_EVENTS.matcher(request.getUriInfo().getPath());
        Optional<Caller> caller = request.getMethod().equals("GET") && events.matches()
                ? tickets.redeem(ticket, events.group(1))
                : Optional.empty();
        if (caller.isEmpty()) {
            refuse(
                    request,
                    "The stream ticket is not valid for this request (wrong run, expired, or not a run's"
                            + " event stream); other requests need an 'Authorization: Bearer <JWT>' header");
            return;
        }
        request.setProperty(RequestAttributes.CALLER, caller.get());
        request.setSecurityContext(
                new CallerContext(caller.get(), request.getSecurityContext().isSecure()));
    }

    private static void refuse(ContainerRequestContext request, String detail) {
        String requestId = (String) request.getProperty(RequestAttributes.REQUEST_ID);
        request.abortWith(jakarta.ws.rs.core.Response.fromResponse(
                        Problems.response(401, "unauthorized", "Unauthorized", detail, requestId))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"switchboard\"")
                .build());
    }

    private record CallerContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return new CallerPrincipal(caller);
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.roles().contains(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}

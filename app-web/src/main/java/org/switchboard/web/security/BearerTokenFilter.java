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
import org.switchboard.core.tenants.entity.Caller;
import org.switchboard.web.platform.Problems;
import org.switchboard.web.platform.RequestAttributes;

/** Authenticates every API request before it is matched, so even unknown paths need a valid token. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {
    private static final String SCHEME = "Bearer ";

    @Inject
    TokenVerifier verifier;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
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

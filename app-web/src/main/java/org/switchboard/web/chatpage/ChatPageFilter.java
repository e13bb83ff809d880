package org.switchboard.web.chatpage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Serves the chat page's static files from {@code /chat/}. The REST application is mapped at {@code /*}
 * ({@code @ApplicationPath("/")}), which shadows the container's default servlet, so these few files are
 * answered here, before JAX-RS and its bearer-token filter see the request. Only the listed files exist;
 * anything else under {@code /chat/} is a plain 404.
 */
@WebFilter(urlPatterns = {"/chat", "/chat/*"})
public class ChatPageFilter extends HttpFilter {
    private static final Map<String, String> FILES = Map.of(
            "/index.html", "text/html;charset=UTF-8",
            "/chat.js", "text/javascript;charset=UTF-8",
            "/chat.css", "text/css;charset=UTF-8");

    /** Scripts and styles from this origin only, no inline code, no framing: the page runs nothing foreign. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The URI, not the servlet path: the filter sits in front of the JAX-RS servlet's "/*" mapping.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/chat")) {
            response.sendRedirect(request.getContextPath() + "/chat/");
            return;
        }
        String name = path.equals("/chat/") ? "/index.html" : path.substring("/chat".length());
        String type = FILES.get(name);
        try (InputStream in = type == null ? null : request.getServletContext().getResourceAsStream("/chat" + name)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(type);
            // Always revalidate: a developer who edits the page sees the change on reload.
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("Content-Security-Policy", POLICY);
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(response.getOutputStream());
        }
    }
}

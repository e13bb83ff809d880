package org.switchboard.web.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.switchboard.core.metrics.boundary.MetricsScrape;
import org.switchboard.web.platform.Problems;

/**
 * {@code GET /metrics}: this instance's metrics in the Prometheus text format, for a scraper that sends
 * {@code Authorization: Bearer <switchboard.metrics.token>}. A plain servlet, mapped exactly, so it answers before the
 * REST application (whose bearer tokens are JWTs of API users, not a scraper's secret); without a token configured
 * it answers 404, as if there were no endpoint.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(MetricsServlet.class.getName());
    private static final String SCHEME = "Bearer ";
    /** Prometheus' text exposition format, version 0.0.4. */
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    MetricsScrape scrape;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!scrape.enabled()) {
            refuse(response, 404, "not-found", "Not Found", "Metrics are off: no switchboard.metrics.token is set");
            return;
        }
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? header.substring(SCHEME.length()).trim()
                : null;
        if (!scrape.accepts(token)) {
            LOG.info("Refused a metrics scrape from " + request.getRemoteAddr() + ": missing or wrong metrics token");
            response.setHeader("WWW-Authenticate", "Bearer realm=\"switchboard-metrics\"");
            refuse(
                    response,
                    401,
                    "unauthorized",
                    "Unauthorized",
                    "/metrics needs 'Authorization: Bearer <metrics token>'");
            return;
        }
        byte[] body = scrape.text().getBytes(StandardCharsets.UTF_8);
        response.setContentType(TEXT_FORMAT);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** An RFC 9457 problem, as the REST application answers. */
    private static void refuse(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        byte[] body =
                Problems.body(status, type, title, detail, null).toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(Problems.PROBLEM_JSON + "; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

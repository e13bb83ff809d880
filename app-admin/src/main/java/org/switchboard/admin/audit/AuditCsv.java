package org.switchboard.admin.audit;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.switchboard.core.audit.entity.AuditEntry;

/**
 * Audit rows as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted,
 * quotes doubled). Times are ISO-8601 UTC so a spreadsheet in any zone reads them the same. A field starting
 * with {@code = + - @} is prefixed with an apostrophe so a spreadsheet does not run it as a formula (CSV
 * injection: routes and actors come from requests).
 */
final class AuditCsv {
    static final String HEADER =
            "time_utc,tenant,user,method,route,status,latency_ms,run_id,request_id,change,before,after";

    private AuditCsv() {}

    static String of(List<AuditEntry> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (AuditEntry row : rows) {
            csv.append(String.join(
                            ",",
                            DateTimeFormatter.ISO_INSTANT.format(row.at()),
                            field(row.tenantId()),
                            field(row.actor()),
                            field(row.method()),
                            field(row.route()),
                            Integer.toString(row.status()),
                            Long.toString(row.latencyMillis()),
                            row.runId() == null ? "" : Long.toString(row.runId()),
                            field(row.requestId()),
                            field(row.change()),
                            field(row.before()),
                            field(row.after())))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}

package org.switchboard.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditCsvTest {
    @Test
    void plainFieldsStayAsTheyAre() {
        assertThat(AuditCsv.field("/api/v1/runs")).isEqualTo("/api/v1/runs");
        assertThat(AuditCsv.field(null)).isEmpty();
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(AuditCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void aFieldASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(AuditCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditCsv.field("@user")).isEqualTo("'@user");
    }
}

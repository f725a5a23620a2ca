package org.carebook.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A report as CSV: quoted where it must be, and never a formula a spreadsheet would run. */
class ReportCsvTest {

    @Test
    void textIsQuotedAndFormulasAreDefused() {
        var csv = ReportCsv.write(List.of(
                List.of("cancelled_by_and_reason", "count"),
                List.of("patient: ill, \"really\"", "2"),
                List.of("=HYPERLINK(\"http://evil.example\")", "1"),
                List.of("+1 other", "1")));

        assertThat(csv)
                .isEqualTo("cancelled_by_and_reason,count\r\n"
                        + "\"patient: ill, \"\"really\"\"\",2\r\n"
                        + "\"'=HYPERLINK(\"\"http://evil.example\"\")\",1\r\n"
                        + "'+1 other,1\r\n");
    }
}

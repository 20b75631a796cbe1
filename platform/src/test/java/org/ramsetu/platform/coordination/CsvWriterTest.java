package org.ramsetu.platform.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void formulasTypedIntoNamesStayText() {
        assertThat(CsvWriter.cell("=HYPERLINK(\"http://evil\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(CsvWriter.cell("+91 98450")).isEqualTo("'+91 98450");
        assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.cell("\tcmd")).isEqualTo("'\tcmd");
    }

    @Test
    void numbersNullsAndPlainTextAreUnchanged() {
        assertThat(CsvWriter.cell(-5.5)).isEqualTo("-5.5");
        assertThat(CsvWriter.cell(null)).isEmpty();
        assertThat(CsvWriter.cell("Asha Rao")).isEqualTo("Asha Rao");
        assertThat(
                        CsvWriter.cell(
                                java.sql.Timestamp.from(
                                        java.time.Instant.parse("2026-11-27T10:15:30Z"))))
                .isEqualTo("2026-11-27T10:15:30Z");
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() throws Exception {
        StringWriter out = new StringWriter();

        new CsvWriter(out).row(Arrays.asList("Rao, Asha", "say \"hi\"", "two\nlines", null));

        assertThat(out.toString())
                .isEqualTo("\"Rao, Asha\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }
}

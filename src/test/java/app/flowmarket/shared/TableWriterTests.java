package app.flowmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class TableWriterTests {

    @Test
    void csvCellsThatASpreadsheetWouldRunAsAFormulaAreEscaped() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter table = TableWriter.open(TableWriter.Format.CSV, out, "s")) {
            table.row(Arrays.asList("=HYPERLINK(\"http://evil\")", "+1", "-2", "@SUM(A1)", "\tx", "plain, with comma", null,
                    -5L, new BigDecimal("-1.50"), LocalDate.of(2026, 3, 1), "line\nbreak"));
        }
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFF\"'=HYPERLINK(\"\"http://evil\"\")\",'+1,'-2,'@SUM(A1),'\tx,\"plain, with comma\",,-5,-1.50,2026-03-01,"
                + "\"line\nbreak\"\r\n");
    }

    @Test
    void onlyCsvAndXlsxAreFormats() {
        assertThat(TableWriter.Format.of("XLSX")).isEqualTo(TableWriter.Format.XLSX);
        assertThatThrownBy(() -> TableWriter.Format.of("pdf")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> TableWriter.Format.of(null)).isInstanceOf(DomainException.class);
    }
}

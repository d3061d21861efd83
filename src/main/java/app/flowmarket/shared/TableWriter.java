package app.flowmarket.shared;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.jspecify.annotations.Nullable;

/**
 * A table written row by row as CSV or as an Excel workbook, straight to a stream: memory stays bounded
 * however many rows there are (the workbook keeps a window of rows in memory and the rest in a
 * compressed temporary file until it is written). Cells are strings, whole numbers, decimals or dates.
 */
public sealed interface TableWriter extends AutoCloseable permits TableWriter.Csv, TableWriter.Xlsx {

    enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }

        /** {@code csv} or {@code xlsx}; anything else is a clear error, not a guess. */
        public static Format of(@Nullable String name) {
            if (name != null) {
                for (Format format : values()) {
                    if (format.extension.equals(name.strip().toLowerCase(Locale.ROOT))) {
                        return format;
                    }
                }
            }
            throw new DomainException("export.format.invalid");
        }
    }

    static TableWriter open(Format format, OutputStream out, String sheetName) {
        return format == Format.CSV ? new Csv(out) : new Xlsx(out, sheetName);
    }

    void row(List<? extends @Nullable Object> cells);

    @Override
    void close();

    /**
     * RFC 4180 CSV in UTF-8 with a byte-order mark (so spreadsheet programs read accents right). A text cell
     * that a spreadsheet would take for a formula (it starts with = + - @, a tab or a carriage return) gets a
     * leading apostrophe: a buyer's name or a workflow title cannot run code on the seller's computer.
     */
    final class Csv implements TableWriter {

        private final Writer out;

        Csv(OutputStream stream) {
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
            write("\uFEFF");
        }

        @Override
        public void row(List<? extends @Nullable Object> cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(cell(cells.get(i)));
            }
            write(line.append("\r\n").toString());
        }

        static String cell(@Nullable Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof Number || value instanceof LocalDate) {
                return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
            }
            String text = value.toString();
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            return text;
        }

        private void write(String text) {
            try {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * An .xlsx workbook through POI's streaming SXSSF: the first row in bold and frozen, dates as dates. Three styles made
     * once and shared by every cell (a cell without one makes POI look its column's style up in the workbook's XML, for
     * every cell written); the rows past the window go to a temporary file compressed at the fastest level (a third of
     * the CPU of the default level, still about five times smaller than the XML), and the workbook itself is compressed
     * at the default level.
     */
    final class Xlsx implements TableWriter {

        private static final int WINDOW = 200;
        /** Excel's day 0, as its 1900 date system counts from March 1900 on (it believes 1900 was a leap year). */
        private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
        private static final LocalDate MARCH_1900 = LocalDate.of(1900, 2, 28);

        private final OutputStream out;
        private final SXSSFWorkbook workbook;
        private final SXSSFSheet sheet;
        private final CellStyle header;
        private final CellStyle date;
        private final CellStyle plain;
        private int rows;

        Xlsx(OutputStream out, String sheetName) {
            this.out = out;
            this.workbook = new FastTempFiles(WINDOW);
            this.sheet = workbook.createSheet(sheetName);
            Font bold = workbook.createFont();
            bold.setBold(true);
            this.header = workbook.createCellStyle();
            header.setFont(bold);
            this.date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            this.plain = workbook.getCellStyleAt(0);
        }

        /** A streaming workbook whose temporary files are gzipped at {@link Deflater#BEST_SPEED}. */
        private static final class FastTempFiles extends SXSSFWorkbook {

            FastTempFiles(int window) {
                super(window);
                setCompressTempFiles(true);
            }

            @Override
            protected SheetDataWriter createSheetDataWriter() throws IOException {
                return new FastSheetData(getSharedStringSource());
            }
        }

        /**
         * The sheet's XML as POI writes it, but a number or a text cell written in one go (POI formats each cell's
         * reference anew and writes it attribute by attribute: a third of the time of a million rows).
         */
        private static final class FastSheetData extends GZIPSheetDataWriter {

            private final StringBuilder start = new StringBuilder(64);
            private final List<String> columns = new java.util.ArrayList<>();
            private String rowNumber = "1";

            FastSheetData(@Nullable SharedStringsTable sharedStrings) throws IOException {
                super(sharedStrings);
            }

            @Override
            protected OutputStream decorateOutputStream(FileOutputStream file) throws IOException {
                return new GZIPOutputStream(file, 64 * 1024) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                };
            }

            @Override
            public void writeRow(int number, SXSSFRow row) throws IOException {
                rowNumber = Integer.toString(number + 1);
                super.writeRow(number, row);
            }

            @Override
            public void writeCell(int column, @Nullable Cell cell) throws IOException {
                if (cell == null) {
                    return;
                }
                CellType type = cell.getCellType();
                if (type != CellType.NUMERIC && type != CellType.STRING) {
                    super.writeCell(column, cell);
                    return;
                }
                while (columns.size() <= column) {
                    columns.add(CellReference.convertNumToColString(columns.size()));
                }
                start.setLength(0);
                start.append("<c r=\"").append(columns.get(column)).append(rowNumber).append('"');
                int style = cell.getCellStyle().getIndex() & 0xffff;
                if (style != 0) {
                    start.append(" s=\"").append(style).append('"');
                }
                if (type == CellType.NUMERIC) {
                    _out.write(start.append(" t=\"n\"><v>").append(Double.toString(cell.getNumericCellValue())).append("</v></c>").toString());
                    return;
                }
                String text = cell.getStringCellValue();
                start.append(" t=\"inlineStr\"><is><t");
                if (!text.isEmpty() && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)))) {
                    start.append(" xml:space=\"preserve\"");
                }
                _out.write(start.append('>').toString());
                outputEscapedString(text);
                _out.write("</t></is></c>");
            }
        }

        @Override
        public void row(List<? extends @Nullable Object> cells) {
            Row row = sheet.createRow(rows);
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                cell.setCellStyle(rows == 0 ? header : plain);
                switch (value) {
                    case Long number -> cell.setCellValue(number);
                    case Integer number -> cell.setCellValue(number);
                    case BigDecimal decimal -> cell.setCellValue(decimal.doubleValue());
                    case LocalDate day -> {
                        // the serial day of the workbook's 1900 date system, without POI asking the workbook's XML which
                        // system it uses for every date
                        if (day.isAfter(MARCH_1900)) {
                            cell.setCellValue((double) ChronoUnit.DAYS.between(EPOCH_1900, day));
                        } else {
                            cell.setCellValue(day);
                        }
                        cell.setCellStyle(date);
                    }
                    default -> cell.setCellValue(value.toString());
                }
            }
            if (rows == 0) {
                sheet.createFreezePane(0, 1);
            }
            rows++;
        }

        @Override
        public void close() {
            try {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    workbook.close();
                } catch (IOException e) {
                    // the temporary files go with the JVM at the latest
                }
            }
        }
    }
}

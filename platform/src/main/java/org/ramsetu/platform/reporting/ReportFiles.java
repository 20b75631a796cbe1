package org.ramsetu.platform.reporting;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ramsetu.platform.coordination.CsvWriter;
import org.ramsetu.platform.reporting.MonthlyFigures.Dimension;
import org.ramsetu.platform.reporting.MonthlyFigures.Figure;
import org.ramsetu.platform.reporting.MonthlyFigures.Measure;

/**
 * A month's figures as the two files the registry receives: a CSV with one line per figure (for
 * spreadsheets and the national registry's import) and a PDF with the same figures as tables (for
 * people). Both hold aggregates only, never a person's record. The figures of a month fit in memory
 * (a few hundred lines: organs × states × centres), so the files are built as bytes.
 */
final class ReportFiles {

    static final String CSV_TYPE = "text/csv; charset=utf-8";
    static final String PDF_TYPE = "application/pdf";
    static final List<String> CSV_HEADER =
            List.of("month", "measure", "dimension", "value", "count");

    private static final DateTimeFormatter GENERATED =
            DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'IST'", Locale.ENGLISH)
                    .withZone(ReportMonths.REGISTRY_ZONE);

    private ReportFiles() {}

    static byte[] csv(MonthlyFigures report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(writer);
            csv.row(CSV_HEADER);
            for (Figure f : report.figures()) {
                csv.row(
                        List.of(
                                report.month().toString(),
                                f.measure().key,
                                f.dimension().key,
                                f.value(),
                                f.count()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static String title(MonthlyFigures report) {
        return "RamSetu monthly registry report: " + monthName(report);
    }

    static String monthName(MonthlyFigures report) {
        return report.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + " "
                + report.month().getYear();
    }

    static byte[] pdf(MonthlyFigures report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, bytes);
            document.addTitle(title(report));
            document.addCreator("RamSetu");
            document.open();
            document.add(new Paragraph(title(report), font(16, Font.BOLD)));
            document.add(
                    new Paragraph(
                            "Period: "
                                    + report.month().atDay(1)
                                    + " to "
                                    + report.month().atEndOfMonth()
                                    + " (India time). Generated "
                                    + GENERATED.format(report.generatedAt())
                                    + ".",
                            font(9, Font.NORMAL)));
            section(document, "Totals");
            PdfPTable totals = table(List.of("Measure", "Count"), new float[] {4, 1});
            for (Measure m : Measure.values()) {
                text(totals, m.label);
                number(totals, report.total(m));
            }
            document.add(totals);
            crossTable(document, report, Dimension.ORGAN, "By organ", List.of(Measure.values()));
            crossTable(document, report, Dimension.STATE, "By state", List.of(Measure.values()));
            crossTable(
                    document,
                    report,
                    Dimension.CENTRE,
                    "By centre (patient's hospital)",
                    List.of(Measure.values()).stream().filter(m -> m.byCentre).toList());
            crossTable(
                    document,
                    report,
                    Dimension.REASON,
                    "Declines by reason",
                    List.of(Measure.DECLINES));
            document.add(
                    new Paragraph(
                            "\nDefinitions: docs/reports.md. Counts only; no personal data.",
                            font(8, Font.ITALIC)));
        } catch (DocumentException e) {
            throw new IllegalStateException("building the report PDF failed: " + e, e);
        } finally {
            document.close();
        }
        return bytes.toByteArray();
    }

    /** One row per value of {@code dimension}, one column per measure. */
    private static void crossTable(
            Document document,
            MonthlyFigures report,
            Dimension dimension,
            String heading,
            List<Measure> measures)
            throws DocumentException {
        section(document, heading);
        List<String> values = report.values(dimension);
        if (values.isEmpty()) {
            document.add(new Paragraph("Nothing this month.", font(9, Font.ITALIC)));
            return;
        }
        List<String> header = new ArrayList<>();
        header.add(
                dimension.key.substring(0, 1).toUpperCase(Locale.ROOT)
                        + dimension.key.substring(1));
        float[] widths = new float[measures.size() + 1];
        widths[0] = 3;
        for (int i = 0; i < measures.size(); i++) {
            header.add(measures.get(i).key.replace('_', ' '));
            widths[i + 1] = 1;
        }
        PdfPTable table = table(header, widths);
        for (String value : values) {
            text(table, value);
            for (Measure m : measures) {
                number(table, report.count(m, dimension, value));
            }
        }
        document.add(table);
    }

    private static void section(Document document, String heading) throws DocumentException {
        Paragraph p = new Paragraph(heading, font(12, Font.BOLD));
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private static PdfPTable table(List<String> header, float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : header) {
            PdfPCell cell = new PdfPCell(new Phrase(h, font(9, Font.BOLD)));
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
        return table;
    }

    private static void text(PdfPTable table, String value) {
        table.addCell(new PdfPCell(new Phrase(value, font(9, Font.NORMAL))));
    }

    private static void number(PdfPTable table, long value) {
        PdfPCell cell = new PdfPCell(new Phrase(Long.toString(value), font(9, Font.NORMAL)));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(cell);
    }

    private static Font font(float size, int style) {
        return FontFactory.getFont(FontFactory.HELVETICA, size, style);
    }
}

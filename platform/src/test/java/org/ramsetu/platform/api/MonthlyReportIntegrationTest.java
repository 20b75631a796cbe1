package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly registry report through the API on the shared instance, whose scheduler runs the job
 * (issue 24, item 4): asked for, generated in the background, downloaded as CSV and PDF, mailed to
 * coordinators as a link, and refused for months that have not ended.
 */
class MonthlyReportIntegrationTest {

    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    @Test
    void aCoordinatorAsksForLastMonthAndGetsItsCsvPdfAndAMailWithTheLink() throws Exception {
        YearMonth month = YearMonth.now(INDIA).minusMonths(1);
        var donor = Registry.donorWithProfile(Registry.uniqueCity("Madurai"), "B+");
        String pledge = Registry.pledgeId(donor, Registry.kidneyPledge());
        JdbcClient jdbc = PlatformInstance.get().context().getBean(JdbcClient.class);
        Instant midMonth = month.atDay(15).atStartOfDay(INDIA).toInstant();
        jdbc.sql("update pledge set created_at = :at where id = :id")
                .param("at", Timestamp.from(midMonth))
                .param("id", UUID.fromString(pledge))
                .update();
        var coordinator = Accounts.coordinator();
        var client = coordinator.client();

        var asked = client.post("/api/v1/reports/monthly", Map.of("month", month.toString()));

        assertThat(asked.status()).as(asked.toString()).isIn(200, 202);
        assertThat(asked.text("statusUrl") == null ? "" : asked.text("statusUrl"))
                .isIn("", "/api/v1/reports/monthly/" + month);
        var ready = waitUntilReady(client, month);
        assertThat(ready.text("state")).isEqualTo("READY");

        HttpResponse<byte[]> csv =
                client.download("/api/v1/reports/monthly/" + month + "/report.csv");
        HttpResponse<byte[]> pdf =
                client.download("/api/v1/reports/monthly/" + month + "/report.pdf");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("month,measure,dimension,value,count");
        long pledgesInMonth =
                jdbc.sql(
                                "select count(*) from pledge where created_at >= :from"
                                        + " and created_at < :to")
                        .param(
                                "from",
                                Timestamp.from(month.atDay(1).atStartOfDay(INDIA).toInstant()))
                        .param(
                                "to",
                                Timestamp.from(
                                        month.plusMonths(1)
                                                .atDay(1)
                                                .atStartOfDay(INDIA)
                                                .toInstant()))
                        .query(Long.class)
                        .single();
        assertThat(pledgesInMonth).isGreaterThanOrEqualTo(1);
        assertThat(lines).contains(month + ",pledges,total,," + pledgesInMonth);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/pdf");
        PdfReader reader = new PdfReader(pdf.body());
        String text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", "");
        reader.close();
        assertThat(text).contains("Pledgesmade" + pledgesInMonth);

        var again = client.post("/api/v1/reports/monthly", Map.of("month", month.toString()));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("generatedAt")).isEqualTo(ready.text("generatedAt"));

        String mail = reportMail(coordinator.email(), month);
        assertThat(mail)
                .contains("/api/v1/reports/monthly/" + month + "/report.pdf")
                .doesNotContain("Pledges made");
        var audit =
                client.get(
                        "/api/v1/admin/audit?action=REPORT_DOWNLOADED&actorId=" + coordinator.id());
        assertThat(audit.json().path("items").size()).isEqualTo(2);
    }

    @Test
    void monthsThatHaveNotEndedOrAreMalformedAre400AndOnlyCoordinatorsMayAsk() {
        var client = Accounts.coordinator().client();
        String current = YearMonth.now(INDIA).toString();

        var future = client.post("/api/v1/reports/monthly", Map.of("month", "2999-01"));
        var running = client.post("/api/v1/reports/monthly", Map.of("month", current));
        var malformed = client.post("/api/v1/reports/monthly", Map.of("month", "March"));
        var unknown = client.get("/api/v1/reports/monthly/2001-01");
        var donor = Accounts.donor().client().get("/api/v1/reports/monthly");

        assertThat(future.status()).isEqualTo(400);
        assertThat(future.header("Content-Type")).startsWith("application/problem+json");
        assertThat(future.body()).contains("month");
        assertThat(running.status()).isEqualTo(400);
        assertThat(running.body()).contains("has not ended");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(donor.status()).isEqualTo(403);
    }

    private static ApiClient.Response waitUntilReady(ApiClient client, YearMonth month)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ApiClient.Response status;
        do {
            status = client.get("/api/v1/reports/monthly/" + month);
            if (status.status() == 200 && "READY".equals(status.text("state"))) {
                return status;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("report for " + month + " not ready: " + status);
    }

    private static String reportMail(String address, YearMonth month) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (String mail : PlatformInstance.mail().mailsTo(address, 0)) {
                if (mail.contains("/api/v1/reports/monthly/" + month)) {
                    return mail;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no report mail to " + address);
    }
}

package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coordinator export over the threshold (5,000 rows by default) is answered 202 and written by a
 * worker job with progress; the file is downloaded by its requester only, and audited then (issue
 * 24, item 4).
 */
class LargeExportIntegrationTest {

    @Test
    void aLargeExportRunsAsAJobWithProgressAndADownloadLinkForItsRequesterOnly() throws Exception {
        String city = Registry.uniqueCity("Bhopal");
        var donor = Registry.donorWithProfile(city, "A+");
        JdbcClient jdbc = PlatformInstance.get().context().getBean(JdbcClient.class);
        // Withdrawn pledges, as many as a donor may have: beyond the threshold in one statement.
        jdbc.sql(
                        """
                        insert into pledge (id, donor_id, organ, status, consent_given_at,
                            created_at, status_changed_at)
                        select gen_random_uuid(), :donor, 'CORNEA', 'WITHDRAWN', now(),
                            now() - make_interval(secs => n), now()
                          from generate_series(1, 5200) n
                        """)
                .param("donor", donor.id())
                .update();
        var coordinator = Accounts.coordinator();
        var client = coordinator.client();

        var small =
                client.get(
                        "/api/v1/admin/pledges/export?status=PENDING&city="
                                + Registry.encoded(city));
        var accepted = client.get("/api/v1/admin/pledges/export?city=" + Registry.encoded(city));

        assertThat(small.status()).isEqualTo(200);
        assertThat(small.header("Content-Type")).startsWith("text/csv");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String id = accepted.text("id");
        String statusUrl = accepted.text("statusUrl");
        assertThat(statusUrl).isEqualTo("/api/v1/reports/exports/" + id);
        assertThat(accepted.header("Location")).endsWith(statusUrl);
        assertThat(accepted.json().path("rowsAtLeast").asLong()).isEqualTo(5_001);

        var done = waitUntilReady(client, statusUrl);
        assertThat(done.json().path("rowsWritten").asLong()).isEqualTo(5_200);
        assertThat(done.json().path("rowsTotal").asLong()).isEqualTo(5_200);
        assertThat(done.json().path("percent").asInt()).isEqualTo(100);
        String download = done.text("downloadUrl");
        assertThat(download).isEqualTo(statusUrl + "/download");

        var stranger = Accounts.coordinator().client();
        assertThat(stranger.get(statusUrl).status()).isEqualTo(404);
        assertThat(stranger.download(download).statusCode()).isEqualTo(404);
        assertThat(Accounts.donor().client().get(statusUrl).status()).isEqualTo(403);

        HttpResponse<byte[]> file = client.download(download);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment");
        List<String> lines = new String(file.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5_201);
        assertThat(lines.get(0)).startsWith("id,donor_id,full_name,email,organ,status");
        var audit =
                client.get(
                        "/api/v1/admin/audit?action=MEDICAL_RECORDS_EXPORTED&actorId="
                                + coordinator.id());
        assertThat(audit.json().path("items").toString()).contains(id).contains("\"rows\":5200");
        var list = client.get("/api/v1/reports/exports");
        assertThat(list.body()).contains(id);
        assertThat(UUID.fromString(id)).isNotNull();
    }

    private static ApiClient.Response waitUntilReady(ApiClient client, String statusUrl)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ApiClient.Response status;
        do {
            status = client.get(statusUrl);
            if (status.status() == 200 && "READY".equals(status.text("status"))) {
                return status;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("export not ready: " + status);
    }
}

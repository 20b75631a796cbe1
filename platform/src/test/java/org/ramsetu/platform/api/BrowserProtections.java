package org.ramsetu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers that keep a browser from framing, sniffing or leaking what the server answered. */
public final class BrowserProtections {

    private BrowserProtections() {}

    /** Checks the protections every answer carries, whatever its status and content. */
    public static void assertCarriedBy(ApiClient.Response response) {
        assertThat(response.header("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
}

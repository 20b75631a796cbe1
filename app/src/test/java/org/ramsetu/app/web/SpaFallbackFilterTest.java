package org.ramsetu.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class SpaFallbackFilterTest {

    @ParameterizedTest(name = "{0} {1} accepting {2} → app: {3}")
    @CsvSource({
        "GET, /donor, text/html, true",
        "GET, /coordinator/runs/5b1c, text/html, true",
        "HEAD, /patient/request, text/html, true",
        "GET, /, text/html, false",
        "GET, /index.html, text/html, false",
        "GET, /config.json, text/html, false",
        "GET, /donor, application/json, false",
        "POST, /donor, text/html, false",
        "GET, /api/v1/pledges, text/html, false",
        "GET, /actuator/health, text/html, false",
        "GET, /v1/models, text/html, false",
        "GET, /v3/api-docs, text/html, false",
        "GET, /swagger-ui/index, text/html, false",
        "GET, /assets/missing, text/html, false",
        "GET, /error, text/html, false",
        "GET, /.well-known/oauth-protected-resource, text/html, false",
    })
    void onlyPagesOfTheAppFallBackToIndex(String method, String path, String accept, boolean app) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", accept);

        assertThat(SpaFallbackFilter.isAppRoute(request)).isEqualTo(app);
    }
}

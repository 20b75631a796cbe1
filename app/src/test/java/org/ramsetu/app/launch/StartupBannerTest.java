package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.springframework.mock.env.MockEnvironment;

class StartupBannerTest {

    private static final RamsetuSettings EMBEDDED =
            RamsetuSettings.fromEnvironment(Map.of("RAMSETU_DATA_DIR", "/srv/ramsetu"));

    @Test
    void namesTheMailFolderOnlyForATargetThatSendsMail() {
        assertThat(
                        StartupBanner.embeddedDefaults(
                                Target.WORKER, new MockEnvironment(), EMBEDDED, true))
                .contains("mail=.eml files in /srv/ramsetu/mail");
        assertThat(
                        StartupBanner.embeddedDefaults(
                                Target.API, new MockEnvironment(), EMBEDDED, false))
                .contains("queue=PostgreSQL table")
                .doesNotContain("mail=");
    }

    @Test
    void aModelServerNamesNoQueue() {
        assertThat(
                        StartupBanner.embeddedDefaults(
                                Target.SCORING, new MockEnvironment(), EMBEDDED, false))
                .isEqualTo("cache=Caffeine, rate-limits=in-memory, blobs=/srv/ramsetu/blobs");
    }
}

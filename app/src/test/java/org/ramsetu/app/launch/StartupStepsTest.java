package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.metrics.ApplicationStartup;

@ExtendWith(OutputCaptureExtension.class)
class StartupStepsTest {

    @AfterEach
    void withoutTheProperty() {
        System.clearProperty(StartupSteps.PROPERTY);
    }

    @Test
    void withoutThePropertyAStartRecordsNothing(CapturedOutput output) {
        SpringApplication app = new SpringApplication(Object.class);
        ApplicationStartup unrecorded = app.getApplicationStartup();

        StartupSteps.recordIfAsked(app).report();

        assertThat(app.getApplicationStartup()).isSameAs(unrecorded);
        assertThat(output).doesNotContain("Start-up steps");
    }

    @Test
    void thePropertyNamesHowManyOfTheSlowestStepsAreLogged(CapturedOutput output)
            throws InterruptedException {
        System.setProperty(StartupSteps.PROPERTY, "1");
        SpringApplication app = new SpringApplication(Object.class);

        StartupSteps steps = StartupSteps.recordIfAsked(app);
        ApplicationStartup recording = app.getApplicationStartup();
        var slow = recording.start("test.slow").tag("bean", "parser");
        Thread.sleep(200);
        slow.end();
        recording.start("test.quick").end();
        steps.report();

        assertThat(recording).isInstanceOf(BufferingApplicationStartup.class);
        assertThat(output)
                .contains("Start-up steps: 2 recorded")
                .contains("ms test.slow bean=parser")
                .doesNotContain("test.quick");
    }
}

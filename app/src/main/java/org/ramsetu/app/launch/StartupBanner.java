package org.ramsetu.app.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ramsetu.infra.mail.Mailer;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/** One log line at start-up that tells an operator what runs where and on what defaults. */
public class StartupBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        LaunchDescription launch = context.getBean(LaunchDescription.class);
        Environment env = context.getEnvironment();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        LOG.info(
                "RamSetu {} ready: target={} port={} instance={}; embedded defaults: {}",
                launch.version(),
                launch.target().id(),
                port,
                launch.instanceId(),
                embeddedDefaults(
                        launch.target(),
                        env,
                        context.getBean(RamsetuSettings.class),
                        context.getBeanNamesForType(Mailer.class).length > 0));
    }

    /**
     * @param sendsMail whether this target sends mail (only those that consume jobs do)
     */
    static String embeddedDefaults(
            Target target, Environment env, RamsetuSettings settings, boolean sendsMail) {
        List<String> inUse = new ArrayList<>();
        String database = env.getProperty(EmbeddedDatabaseStarter.DESCRIPTION_PROPERTY);
        if (database != null) {
            inUse.add("database=" + database);
        }
        Path data = settings.dataDir().toAbsolutePath().normalize();
        if (target.usesDatabase() && settings.redisUrl().isEmpty()) {
            inUse.add("queue=PostgreSQL table");
        }
        if (settings.redisUrl().isEmpty()) {
            inUse.add("cache=Caffeine");
            inUse.add("rate-limits=in-memory");
        }
        if (settings.s3().isEmpty()) {
            inUse.add("blobs=" + data.resolve("blobs"));
        }
        if (sendsMail && settings.smtp().isEmpty()) {
            inUse.add("mail=.eml files in " + data.resolve("mail"));
        }
        return inUse.isEmpty() ? "none" : String.join(", ", inUse);
    }
}

package org.ramsetu.app.launch;

import java.util.ArrayList;
import java.util.List;
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
                embeddedDefaults(launch.target(), env));
    }

    static String embeddedDefaults(Target target, Environment env) {
        List<String> inUse = new ArrayList<>();
        String database = env.getProperty(EmbeddedDatabaseStarter.DESCRIPTION_PROPERTY);
        if (database != null) {
            inUse.add("database=" + database);
        } else if (target.usesDatabase()) {
            inUse.add("database=external PostgreSQL");
        }
        return inUse.isEmpty() ? "none" : String.join(", ", inUse);
    }
}

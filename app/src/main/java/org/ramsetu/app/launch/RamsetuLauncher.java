package org.ramsetu.app.launch;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.ramsetu.app.RamsetuApplication;
import org.ramsetu.app.observability.OtelEnvironment;
import org.ramsetu.infra.queue.WorkerIdentity;
import org.ramsetu.infra.redis.RedisUrls;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.settings.TlsBundles;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts one target of the RamSetu binary on the given settings. */
public final class RamsetuLauncher {

    private RamsetuLauncher() {}

    /**
     * @param port the HTTP port, or empty for the target's default; 0 picks a free port (tests)
     * @throws org.ramsetu.infra.settings.InvalidSettingsException when the target lacks a setting
     */
    public static RunningRamsetu start(
            Target target, RamsetuSettings settings, OptionalInt port, String... args) {
        TargetRequirements.check(target, settings);
        // all on embedded defaults keeps its own signing secret; split targets must share one.
        RamsetuSettings effective =
                target == Target.ALL && settings.jwtSecret().isEmpty()
                        ? settings.withJwtSecret(
                                DataFolderJwtSecret.loadOrCreate(settings.dataDir()))
                        : settings;
        LaunchDescription launch = LaunchDescription.of(target);

        SpringApplication app = new SpringApplication(RamsetuApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setAdditionalProfiles(target.id());
        // Our own hook (ServeCommand) closes the context first and the database after it.
        app.setRegisterShutdownHook(false);
        app.setDefaultProperties(properties(target, effective, launch, port));
        StartupSteps steps = StartupSteps.recordIfAsked(app);
        app.addInitializers(
                ctx -> {
                    ctx.getBeanFactory().registerSingleton("launchDescription", launch);
                    ctx.getBeanFactory().registerSingleton("ramsetuSettings", effective);
                    ctx.getBeanFactory()
                            .registerSingleton(
                                    "workerIdentity", new WorkerIdentity(launch.instanceId()));
                });

        AutoCloseable embedded = () -> {};
        if (target.mayEmbedDatabase() && settings.database().isEmpty()) {
            EmbeddedDatabaseStarter starter = new EmbeddedDatabaseStarter(settings.dataDir());
            app.addListeners(starter);
            embedded = starter;
        }
        try {
            ConfigurableApplicationContext context = app.run(args);
            steps.report();
            return new RunningRamsetu(context, embedded);
        } catch (RuntimeException e) {
            closeQuietly(embedded, e);
            throw e;
        }
    }

    private static Map<String, Object> properties(
            Target target, RamsetuSettings settings, LaunchDescription launch, OptionalInt port) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", port.orElse(target.defaultPort()));
        p.put("management.metrics.tags.target", target.id());
        p.put("management.metrics.tags.instance", launch.instanceId());
        // Each target is its own service in a trace (api, scoring, worker), one instance each.
        p.put(
                "management.opentelemetry.resource-attributes.service.name",
                "ramsetu-" + target.id());
        p.put(
                "management.opentelemetry.resource-attributes.service.instance.id",
                launch.instanceId());
        // Every request traced unless OTEL_TRACES_SAMPLER[_ARG] or a Spring property says otherwise
        // (these are defaults: application.properties and the environment override them).
        p.put("management.tracing.sampling.probability", "1.0");
        p.putAll(OtelEnvironment.properties(System.getenv()));
        p.put("logging.structured.ecs.service.node-name", launch.instanceId());
        p.put("logging.structured.ecs.service.version", launch.version());
        // A redis-sentinel:// URL becomes Boot's sentinel.* properties (Boot reads only redis://
        // and rediss:// from spring.data.redis.url).
        settings.redisUrl()
                .ifPresentOrElse(
                        url -> p.putAll(RedisUrls.springBootProperties(url)),
                        () -> p.put("management.health.redis.enabled", false));
        // HTTPS on this target's port from PEM files, served anew when they change (a renewed
        // certificate needs no restart); plain HTTP on that port is answered 400.
        RamsetuSettings.Tls tls = settings.tls();
        if (tls.serves()) {
            p.put("server.ssl.bundle", TlsBundles.SERVER);
            p.put(
                    "spring.ssl.bundle.pem." + TlsBundles.SERVER + ".keystore.certificate",
                    "file:" + tls.certificate().orElseThrow().toAbsolutePath());
            p.put(
                    "spring.ssl.bundle.pem." + TlsBundles.SERVER + ".keystore.private-key",
                    "file:" + tls.privateKey().orElseThrow().toAbsolutePath());
            p.put("spring.ssl.bundle.pem." + TlsBundles.SERVER + ".reload-on-update", true);
            p.put("server.ssl.enabled-protocols", "TLSv1.3,TLSv1.2");
        }
        tls.trusted()
                .ifPresent(
                        trusted ->
                                p.put(
                                        "spring.ssl.bundle.pem."
                                                + TlsBundles.TRUSTED
                                                + ".truststore.certificate",
                                        "file:" + trusted.toAbsolutePath()));
        // Boot's own Redis connection (its health indicator) trusts the same CAs over rediss.
        if (tls.trusted().isPresent()
                && settings.redisUrl().map(RedisUrls::usesTls).orElse(false)) {
            p.put("spring.data.redis.ssl.bundle", TlsBundles.TRUSTED);
        }
        // The model server has no database; an environment shared by every target (one env file for
        // the deployment) may still name one, which must not switch the database features on.
        settings.database()
                .filter(db -> target.usesDatabase())
                .ifPresent(
                        db -> {
                            p.put("spring.datasource.url", db.url());
                            db.user().ifPresent(u -> p.put("spring.datasource.username", u));
                            db.password()
                                    .ifPresent(s -> p.put("spring.datasource.password", s.value()));
                            // Migrations on a connection of their own as the schema's owner.
                            db.owner()
                                    .ifPresent(
                                            owner -> {
                                                p.put("spring.flyway.user", owner.user());
                                                p.put(
                                                        "spring.flyway.password",
                                                        owner.password().value());
                                            });
                        });
        return p;
    }

    private static void closeQuietly(AutoCloseable closeable, RuntimeException cause) {
        try {
            closeable.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}

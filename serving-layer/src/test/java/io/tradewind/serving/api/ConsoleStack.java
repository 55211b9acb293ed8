package io.tradewind.serving.api;

import io.tradewind.contracts.hbase.HBaseStoreSettings;
import io.tradewind.core.progress.ProgressListener;
import io.tradewind.serving.ServingConfig;
import io.tradewind.serving.ServingLayer;
import io.tradewind.serving.ServingStack;
import io.tradewind.serving.admin.SessionPolicy;
import java.io.IOException;
import java.time.Duration;

/**
 * A second API instance on the module's {@link ServingStack} (same HBase tables, catalogue and keys file), whose
 * console sessions and lockouts read a {@link MovableClock}, with a short failure delay so lockout tests are quick.
 * Like production's several instances, it shares accounts and sessions with the stack's own API through HBase.
 */
public final class ConsoleStack implements AutoCloseable {
    public final MovableClock clock = new MovableClock();
    public final ServingLayer layer;
    public final String baseUrl;

    public ConsoleStack(ServingStack.Running stack) throws IOException {
        this(stack, false);
    }

    /** @param behindTls as {@code api.behind-tls=true} says: cookies marked Secure */
    public ConsoleStack(ServingStack.Running stack, boolean behindTls) throws IOException {
        ServingConfig config = ServingConfig.of(stack.hbase().configuration(), stack.hdfs().configuration(),
                        stack.elasticsearch().uri(), stack.events(), stack.dir().resolve("api-keys.json"))
                .withPort(0)
                .withHBaseSettings(HBaseStoreSettings.defaults().withNamespace("api").withRegionsPerTable(2))
                .withSessions(SessionPolicy.defaults().withLockout(5, Duration.ofMinutes(15), Duration.ofMillis(20))
                        .withSecureCookies(behindTls));
        layer = ServingLayer.open(config, ProgressListener.NONE, clock);
        baseUrl = "http://127.0.0.1:" + layer.startApi().port();
    }

    @Override
    public void close() {
        layer.close();
    }
}

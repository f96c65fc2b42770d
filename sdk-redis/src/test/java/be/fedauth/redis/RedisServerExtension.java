package be.fedauth.redis;

import be.fedauth.core.spi.AuditSink;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one real redis-server for a test class, empties it before each test, and stops it after the
 * class. Every {@link RedisStores} a test opened through {@link #stores} is closed after it. Use as a
 * static {@code @RegisterExtension} field.
 */
final class RedisServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private final String[] serverArgs;
    private final String password;
    private RedisServer server;
    private RedisClient inspectorClient;
    private StatefulRedisConnection<String, String> inspector;
    private final List<RedisStores> opened = new ArrayList<>();

    RedisServerExtension(String... serverArgs) {
        this(null, serverArgs.clone());
    }

    private RedisServerExtension(String password, String[] serverArgs) {
        this.password = password;
        this.serverArgs = serverArgs;
    }

    /** A server that requires {@code password}. */
    static RedisServerExtension withPassword(String password) {
        return new RedisServerExtension(password, new String[] {"--requirepass", password});
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RedisServer.start(serverArgs);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (int db = 0; db < 4; db++) {
            redis(db).flushdb();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (RedisStores stores : opened) {
            stores.close();
        }
        opened.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (inspectorClient != null) {
                inspectorClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        } finally {
            server.close();
        }
    }

    RedisServer server() {
        return server;
    }

    String uri() {
        return server.uri();
    }

    /** Stores on this server, closed after the class. */
    RedisStores stores(RedisSettings settings, Clock clock, AuditSink audit) {
        RedisStores stores = RedisStores.create(settings, clock, audit);
        opened.add(stores);
        return stores;
    }

    /** Plain commands on database {@code db}, to look at what the stores wrote. */
    RedisCommands<String, String> redis(int db) {
        if (inspectorClient == null) {
            RedisURI.Builder uri = RedisURI.Builder.redis("127.0.0.1", server.port());
            if (password != null) {
                uri.withPassword((CharSequence) password);
            }
            inspectorClient = RedisClient.create(uri.build());
            inspector = inspectorClient.connect();
        }
        RedisCommands<String, String> commands = inspector.sync();
        commands.select(db);
        return commands;
    }

    /** Plain commands on database 0. */
    RedisCommands<String, String> redis() {
        return redis(0);
    }
}
